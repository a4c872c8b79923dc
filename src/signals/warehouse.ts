import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { loadCameo } from './cameo.ts';
import type { FileKind } from './columns.ts';
import { Duck, type DuckOptions, inTransaction, type Row } from './duck.ts';
import {
  type IngestFailure,
  type IngestOptions,
  type IngestOutcome,
  type IngestResult,
  IngestStopped,
  ingestFile,
  ingestFiles,
} from './ingest.ts';
import { REJECT_REASONS, type RejectReason, sqlString, WAREHOUSE_DDL } from './ingest-sql.ts';
import { ensureRollup, hasRollup } from './rollup.ts';

/** A summary of what the warehouse holds. */
export interface WarehouseStatus {
  files: number;
  filesByKind: Record<string, number>;
  events: number;
  mentions: number;
  /** Earliest and latest SQLDATE (event date) of the events, ISO dates. */
  firstDate: string | null;
  lastDate: string | null;
  /**
   * Earliest and latest DATEADDED (the day GDELT published the record, i.e. the date of its file),
   * ISO dates. Events often report days long before their file: these say what the files cover.
   */
  firstAdded: string | null;
  lastAdded: string | null;
  rowsRejected: number;
  rejectedByReason: Record<string, number>;
}

/** One quarantined row: where it was and why it was refused. */
export interface QuarantinedRow {
  file: string;
  line: number;
  reason: RejectReason;
  field: string | null;
  value: string | null;
  message: string;
  raw: string | null;
}

/** One manifest entry. */
export interface ManifestEntry {
  fileId: number;
  name: string;
  kind: FileKind;
  size: number;
  md5: string;
  lines: number;
  accepted: number;
  rejected: number;
  ingestedAt: string;
  seconds: number;
}

/** Explains a rejection in words, naming the field and value. */
export function rejectionMessage(
  reason: RejectReason,
  field: string | null,
  value: string | null,
  raw: string | null,
): string {
  const base = REJECT_REASONS[reason] ?? reason;
  if (reason === 'column_count') {
    const sep = raw && !raw.includes('\t') ? ([';', ',', '|'].find((s) => raw.includes(s)) ?? null) : null;
    return `${base}: ${value} field(s)${sep ? ` (the line looks "${sep}"-separated)` : ''}`;
  }
  if (!field) return base;
  return `${field}: ${base} ("${value ?? ''}")`;
}

/**
 * When opening failed because another process holds the file (DuckDB lets one process write a file,
 * and none read it meanwhile): that process's PID, as DuckDB names it, or `undefined` if it does not.
 * `null` for any other error.
 */
export function lockHolder(e: unknown): number | undefined | null {
  const message = e instanceof Error ? e.message : '';
  if (!/Could not set lock/.test(message)) return null;
  const pid = /\(PID (\d+)\)/.exec(message);
  return pid ? Number(pid[1]) : undefined;
}

/**
 * The signals warehouse: a DuckDB file holding GDELT events and mentions, the manifest of ingested
 * files, the quarantine and the CAMEO tables.
 */
export class Warehouse {
  private constructor(
    readonly duck: Duck,
    /**
     * Whether the daily rollup (rollup.ts) is there for the indices to read. Always after a writable
     * open; a read-only open of a warehouse made before the rollup existed cannot add it, and its
     * indices read the event rows instead (slower, same figures) until a writable open builds it.
     */
    readonly hasRollup: boolean,
  ) {}

  /** Opens (creating if needed) the warehouse at `path`; `:memory:` for a throwaway one. */
  static async open(path: string, opts: DuckOptions = {}): Promise<Warehouse> {
    if (path !== ':memory:') await mkdir(dirname(path), { recursive: true });
    const duck = await Duck.open(path, opts);
    if (opts.readOnly) return new Warehouse(duck, await hasRollup(duck));
    try {
      for (const ddl of WAREHOUSE_DDL) await duck.run(ddl);
      await ensureRollup(duck);
      await seedCameo(duck);
    } catch (e) {
      duck.close();
      throw e;
    }
    return new Warehouse(duck, true);
  }

  /** Set once DuckDB has invalidated the database: every later write is refused with it. */
  private stopped?: IngestStopped;

  /** Ingests one file; see {@link ingestFile}. */
  ingest(path: string, opts: IngestOptions = {}): Promise<IngestResult> {
    return this.writing(() => ingestFile(this.duck, path, opts));
  }

  /** Ingests files in batches and says per file, in order, what it added or why it was refused. */
  async ingestOutcomes(paths: readonly string[], opts: IngestOptions = {}): Promise<IngestOutcome[]> {
    const by = new Map<string, IngestOutcome>();
    let stopped = 'the ingest reported nothing for this file';
    try {
      await this.ingestMany(
        paths,
        (r) => by.set(r.path, 'error' in r ? { error: r.error.message } : { rows: r.accepted }),
        opts,
      );
    } catch (e) {
      // Files committed before the error keep their outcome; only the rest carry it.
      stopped =
        e instanceof IngestStopped ? `not loaded: the ingest stopped (${e.message})` : (e as Error).message;
    }
    return paths.map((p) => by.get(p) ?? { error: stopped });
  }

  /** Ingests files in batches; see {@link ingestFiles}. */
  ingestMany(
    paths: readonly string[],
    onResult: (r: IngestResult | IngestFailure) => void,
    opts: IngestOptions = {},
  ): Promise<void> {
    return this.writing(() => ingestFiles(this.duck, paths, opts, onResult));
  }

  private async writing<T>(fn: () => Promise<T>): Promise<T> {
    if (this.stopped) throw this.stopped;
    try {
      return await fn();
    } catch (e) {
      if (e instanceof IngestStopped && e.fatal) this.stopped = e;
      throw e;
    }
  }

  async status(): Promise<WarehouseStatus> {
    const [f] = await this.duck.all(
      'SELECT count(*) AS n, coalesce(sum(rows_rejected), 0) AS rejected FROM files',
    );
    const kinds = await this.duck.all('SELECT kind, count(*) AS n FROM files GROUP BY kind ORDER BY kind');
    const [e] = await this.duck.all(
      `SELECT count(*) AS n, strftime(min(SQLDATE), '%Y-%m-%d') AS first, strftime(max(SQLDATE), '%Y-%m-%d') AS last,
        strftime(min(CAST(DATEADDED AS DATE)), '%Y-%m-%d') AS first_added,
        strftime(max(CAST(DATEADDED AS DATE)), '%Y-%m-%d') AS last_added FROM events`,
    );
    const [m] = await this.duck.all('SELECT count(*) AS n FROM mentions');
    const reasons = await this.duck.all(
      'SELECT reason, count(*) AS n FROM quarantine GROUP BY reason ORDER BY n DESC, reason',
    );
    return {
      files: Number(f?.n),
      filesByKind: Object.fromEntries(kinds.map((k) => [String(k.kind), Number(k.n)])),
      events: Number(e?.n),
      mentions: Number(m?.n),
      firstDate: (e?.first as string | null) ?? null,
      lastDate: (e?.last as string | null) ?? null,
      firstAdded: (e?.first_added as string | null) ?? null,
      lastAdded: (e?.last_added as string | null) ?? null,
      rowsRejected: Number(f?.rejected),
      rejectedByReason: Object.fromEntries(reasons.map((r) => [String(r.reason), Number(r.n)])),
    };
  }

  async manifest(): Promise<ManifestEntry[]> {
    const rows = await this.duck.all(
      `SELECT file_id, name, kind, size, md5, lines, rows_accepted, rows_rejected,
        strftime(ingested_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS at, seconds FROM files ORDER BY file_id`,
    );
    return rows.map((r) => ({
      fileId: Number(r.file_id),
      name: String(r.name),
      kind: r.kind as FileKind,
      size: Number(r.size),
      md5: String(r.md5),
      lines: Number(r.lines),
      accepted: Number(r.rows_accepted),
      rejected: Number(r.rows_rejected),
      ingestedAt: String(r.at),
      seconds: Number(r.seconds),
    }));
  }

  /** Quarantined rows, optionally of one file (by name), in file and line order. */
  async quarantine(opts: { file?: string; limit?: number } = {}): Promise<QuarantinedRow[]> {
    const where = opts.file ? `WHERE f.name = ${sqlString(opts.file)}` : '';
    const limit = opts.limit ? `LIMIT ${Math.trunc(opts.limit)}` : '';
    const rows = await this.duck.all(
      `SELECT f.name AS file, q.line, q.reason, q.field, q.value, q.raw FROM quarantine q JOIN files f USING (file_id)
       ${where} ORDER BY q.file_id, q.line ${limit}`,
    );
    return rows.map((r) => {
      const reason = r.reason as RejectReason;
      const field = (r.field as string | null) ?? null;
      const value = (r.value as string | null) ?? null;
      const raw = (r.raw as string | null) ?? null;
      return {
        file: String(r.file),
        line: Number(r.line),
        reason,
        field,
        value,
        message: rejectionMessage(reason, field, value, raw),
        raw,
      };
    });
  }

  /** Writes events, mentions, the manifest and the quarantine as Parquet files into `dir`. */
  async exportParquet(dir: string): Promise<string[]> {
    await mkdir(dir, { recursive: true });
    const written: string[] = [];
    for (const table of ['events', 'mentions', 'files', 'quarantine']) {
      const file = `${dir}/${table}.parquet`;
      await this.duck.run(`COPY ${table} TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd)`);
      written.push(file);
    }
    return written;
  }

  /** Runs a read query; used by the indices and the site. */
  all(sql: string, params?: Record<string, string | number | boolean | null>): Promise<Row[]> {
    return this.duck.all(sql, params);
  }

  close(): void {
    this.duck.close();
  }
}

async function seedCameo(duck: Duck): Promise<void> {
  const { codes, issueAreas, subAreas } = loadCameo();
  // Tiny tables, rewritten on every writable open so a changed mapping in data/cameo takes effect.
  await inTransaction(duck, async () => {
    await duck.run('DELETE FROM cameo_codes');
    await duck.run('DELETE FROM cameo_issue_areas');
    await duck.run(
      `INSERT INTO cameo_codes VALUES ${codes
        .map(
          (c) =>
            `(${sqlString(c.code)}, ${sqlString(c.root)}, ${c.quadClass}, ${c.goldstein}, ${sqlString(c.label)})`,
        )
        .join(', ')}`,
    );
    await duck.run(
      `INSERT INTO cameo_issue_areas (code, issue_area, sub_area) VALUES ${[...issueAreas]
        .map(([code, area]) => {
          const sub = subAreas.get(code);
          return `(${sqlString(code)}, ${sqlString(area)}, ${sub ? sqlString(sub) : 'NULL'})`;
        })
        .join(', ')}`,
    );
  });
}
