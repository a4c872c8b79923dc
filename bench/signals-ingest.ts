/**
 * Signals ingest figures: DuckDB's bare CSV reader, a row-by-row Node loader and Entente's ingest on
 * the same ≥10 million real GDELT rows, then the KOR–JPN month series over the result.
 *
 *   node --import tsx bench/signals-ingest.ts [--rows 10000000] [--files 40] [--b-rows N] [--only a0,a,a1,b,c] [--keep]
 *
 * Why these numbers: GDELT 2.0 adds ~100,000 events a day and its 1.0 archive holds hundreds of
 * millions, so an ingest must run at the speed of DuckDB's own reader (target c ≥ 0.8 × a) whatever
 * the checks it adds, be an order of magnitude faster than loading in JavaScript (c ≥ 10 × b), fit
 * on a laptop (peak RSS ≤ 1 GB whatever the input) and answer a dyad series at page speed (≤ 200 ms).
 *
 * Input: the real 15-minute files in test/fixtures/gdelt/events-v2 repeated with fresh GLOBALEVENTIDs
 * into a temporary folder (removed at the end unless --keep). Each measurement runs in its own child
 * process so that its peak RSS is its own. (b) may be cut to --b-rows rows (rates are per row).
 */
import { spawn } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, dateValue, timestampValue } from '@duckdb/node-api';
import { parse } from 'csv-parse';
import type { CliContext } from '../src/cli/context.ts';
import { signalsCommand } from '../src/cli/signals.ts';
import { readConfig } from '../src/core/index.ts';
import { type Column, dyadQuery, dyadSeries, EVENTS_V2, Warehouse } from '../src/signals/index.ts';
import { SQL_TYPE, WAREHOUSE_DDL } from '../src/signals/ingest-sql.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = path.join(ROOT, 'test/fixtures/gdelt/events-v2');
const MEMORY_LIMIT = '600MB';

const arg = (name: string, fallback?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};

interface Measure {
  rows: number;
  bytes: number;
  seconds: number;
  maxRssMb: number;
  extra?: {
    accepted: number;
    rejected: number;
    seriesFirstMs: number;
    seriesMedianMs: number;
    periods: number;
  };
}

const report = (m: Omit<Measure, 'maxRssMb'>) =>
  process.stdout.write(`${JSON.stringify({ ...m, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);

function inputFiles(dir: string) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.export.CSV'))
    .sort()
    .map((f) => path.join(dir, f));
}
const totalBytes = (files: string[]) => files.reduce((s, f) => s + statSync(f).size, 0);

// --- (a) DuckDB's reader, typed columns, into a table: the floor any DuckDB ingest stands on.

/** DuckDB's typed read of GDELT 2.0 event files; `lead` names columns before GDELT's (for a1). */
function readTyped(files: string[], lead = ''): string {
  const cols = EVENTS_V2.map((col) => `'${col.name}': '${SQL_TYPE[col.kind]}'`).join(', ');
  return `read_csv([${files.map((f) => `'${f}'`).join(', ')}],
    delim = '\t', header = false, quote = '', escape = '', auto_detect = false, columns = {${lead}${cols}},
    dateformat = '%Y%m%d', timestampformat = '%Y%m%d%H%M%S')`;
}

// (a0) is the same with DuckDB's default settings, which keep insertion order: the load a user types
// first, shown beside the tuned one so the ratio can be read against either.
async function childA(dir: string, db: string, tuned: boolean) {
  const files = inputFiles(dir);
  const inst = await DuckDBInstance.create(db, { memory_limit: MEMORY_LIMIT });
  const c = await inst.connect();
  // A bulk load needs no order; DuckDB then writes from both threads (about twice as fast here).
  if (tuned) await c.run('SET preserve_insertion_order = false');
  const t0 = performance.now();
  await c.run(`CREATE TABLE events AS SELECT * FROM ${readTyped(files)}`);
  const rows = Number((await c.runAndReadAll('SELECT count(*) FROM events')).getRows()[0]?.[0]);
  // Closing writes the last checkpoint; (c) pays for its own inside its run, so (a) does too.
  c.closeSync();
  inst.closeSync();
  const seconds = (performance.now() - t0) / 1000;
  report({ rows, bytes: totalBytes(files), seconds });
}

// --- (a1) The floor of a load that keeps each row's file and line, as (c) does: (a)'s typed reader,
// tuned the same, on copies whose lines start with their number, into the warehouse's events table,
// with no checks. Node writes the copies before the timing (see main); the ratio a1/a says what the
// line numbers alone cost, c/a1 what the checks, duplicates, rollup and Node's reading cost on top.
async function childA1(dir: string, db: string) {
  const files = inputFiles(numberedDir(dir));
  const inst = await DuckDBInstance.create(db, { memory_limit: MEMORY_LIMIT });
  const c = await inst.connect();
  for (const ddl of WAREHOUSE_DDL) await c.run(ddl);
  const names = EVENTS_V2.map((col) => `"${col.name}"`).join(', ');
  await c.run('SET preserve_insertion_order = false');
  const t0 = performance.now();
  await c.run(`INSERT INTO events (${names}, file_id, line)
    SELECT ${names}, CAST(file_index AS INTEGER) + 1, n FROM ${readTyped(files, "'n': 'BIGINT', ")}`);
  const rows = Number((await c.runAndReadAll('SELECT count(*) FROM events')).getRows()[0]?.[0]);
  c.closeSync();
  inst.closeSync();
  const seconds = (performance.now() - t0) / 1000;
  report({ rows, bytes: totalBytes(inputFiles(dir)), seconds });
}

const numberedDir = (dir: string) => path.join(path.dirname(dir), 'numbered');

/** Copies of the input files with each line's number as a first tab-separated field, for (a1). */
async function writeNumbered(dir: string) {
  const out = numberedDir(dir);
  mkdirSync(out, { recursive: true });
  for (const f of inputFiles(dir)) {
    const lines = readFileSync(f, 'utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    await writeLines(
      path.join(out, path.basename(f)),
      lines.map((l, i) => `${i + 1}\t${l}`),
    );
  }
}

/** Writes lines to a file in chunks of about a megabyte, waiting for the disk when it lags. */
async function writeLines(file: string, lines: Iterable<string>) {
  const out = createWriteStream(file);
  let buf = '';
  for (const l of lines) {
    buf += `${l}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((res) => out.once('drain', () => res()));
      buf = '';
    }
  }
  out.end(buf);
  await new Promise<void>((res) => out.once('finish', () => res()));
}

// --- (b) csv-parse in Node, each row typed in JavaScript and appended: "load it in JS".
async function childB(dir: string, db: string, maxRows: number) {
  const files = inputFiles(dir);
  const inst = await DuckDBInstance.create(db, { memory_limit: MEMORY_LIMIT });
  const c = await inst.connect();
  for (const ddl of WAREHOUSE_DDL) await c.run(ddl);
  const app = await c.createAppender('events');
  const t0 = performance.now();
  let rows = 0;
  let bytes = 0;
  const kinds = EVENTS_V2.map((col) => col.kind);
  outer: for (const [fileId, f] of files.entries()) {
    const parser = createReadStream(f).pipe(
      parse({ delimiter: '\t', quote: false, relax_column_count: true }),
    );
    function appendField(kind: Column['kind'], v: string) {
      if (v === '') return app.appendNull();
      switch (kind) {
        case 'id':
          return app.appendBigInt(BigInt(v));
        case 'int':
        case 'month':
        case 'year':
          return app.appendInteger(Number(v));
        case 'quad':
          return app.appendTinyInt(Number(v));
        case 'double':
        case 'goldstein':
        case 'tone':
          return app.appendDouble(Number(v));
        case 'bool01':
          return app.appendBoolean(v === '1');
        case 'date':
          return app.appendDate(
            dateValue({ year: +v.slice(0, 4), month: +v.slice(4, 6), day: +v.slice(6, 8) }),
          );
        case 'timestamp':
          return app.appendTimestamp(
            timestampValue(
              BigInt(
                Date.UTC(
                  +v.slice(0, 4),
                  +v.slice(4, 6) - 1,
                  +v.slice(6, 8),
                  +v.slice(8, 10),
                  +v.slice(10, 12),
                  +v.slice(12, 14),
                ),
              ) * 1000n,
            ),
          );
        default:
          return app.appendVarchar(v);
      }
    }
    let line = 0;
    for await (const rec of parser as AsyncIterable<string[]>) {
      line++;
      for (const [i, kind] of kinds.entries()) {
        appendField(kind, rec[i] ?? '');
      }
      app.appendInteger(fileId + 1);
      app.appendBigInt(BigInt(line));
      app.endRow();
      if (++rows >= maxRows) break outer;
    }
    bytes += statSync(f).size;
  }
  app.flushSync();
  app.closeSync();
  // Timed to the closed database, as (a) and (c) are.
  c.closeSync();
  inst.closeSync();
  const seconds = (performance.now() - t0) / 1000;
  // When cut short, count the bytes of the rows read at the input's average row size.
  const all = totalBytes(files);
  report({ rows, bytes: rows >= maxRows ? Math.round((all * rows) / countRowsOf(files)) : bytes, seconds });
}

function countRowsOf(files: string[]) {
  let n = 0;
  for (const f of files) for (const b of readFileSync(f)) if (b === 0x0a) n++;
  return n;
}

// --- (c) `entente signals ingest <dir>`, run as the CLI runs it, then the KOR–JPN month series.
async function childC(dir: string, db: string) {
  const files = inputFiles(dir);
  const ctx: CliContext = {
    config: { ...readConfig(), signalsPath: db },
    out: () => {},
    err: (l) => process.stderr.write(`${l}\n`),
    interactive: false,
    openStore: () => Promise.reject(new Error('not used')),
  };
  const t0 = performance.now();
  await signalsCommand(ctx).parseAsync(['ingest', dir], { from: 'user' });
  const seconds = (performance.now() - t0) / 1000;
  const w = await Warehouse.open(db);
  const s = await w.status();
  const q = dyadQuery({ dyad: 'KOR-JPN', by: 'month' });
  const times: number[] = [];
  let periods = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    periods = (await dyadSeries(w, q)).length;
    times.push(performance.now() - t);
  }
  w.close();
  report({
    rows: s.events + s.rowsRejected,
    bytes: totalBytes(files),
    seconds,
    extra: {
      accepted: s.events,
      rejected: s.rowsRejected,
      seriesFirstMs: times[0] as number,
      seriesMedianMs: [...times].sort((a, b) => a - b)[2] as number,
      periods,
    },
  });
}

// --- The input: real rows, fresh ids, ~equal files.
async function buildInput(dir: string, rows: number, files: number) {
  const lines: string[] = [];
  for (const f of readdirSync(SOURCES).filter((n) => n.endsWith('.export.CSV') || n.endsWith('.csv'))) {
    for (const l of readFileSync(path.join(SOURCES, f), 'utf8').split('\n'))
      if (l) lines.push(l.slice(l.indexOf('\t')));
  }
  const perFile = Math.ceil(rows / files);
  let id = 1_000_000_000;
  let k = 0;
  for (let fi = 0; fi < files; fi++) {
    // GDELT names files by the quarter hour they cover; any distinct stamps will do here.
    const stamp = `2099${String(fi).padStart(10, '0')}`;
    const rowsOfFile = function* () {
      for (let r = 0; r < perFile && id - 1_000_000_000 < rows; r++)
        yield `${id++}${lines[k++ % lines.length]}`;
    };
    await writeLines(path.join(dir, `${stamp}.export.CSV`), rowsOfFile());
  }
  return { rows: id - 1_000_000_000, sourceRows: lines.length };
}

function runChild(mode: string, dir: string, db: string, extra: string[] = []): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', mode, dir, db, ...extra],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1) as string) as Measure)
        : reject(new Error(`${mode} exited ${code}`)),
    );
  });
}

async function main() {
  const childMode = arg('child');
  if (childMode) {
    const [dir, db, maxRows] = process.argv.slice(process.argv.indexOf('--child') + 2);
    if (childMode === 'a') return childA(dir as string, db as string, true);
    if (childMode === 'a0') return childA(dir as string, db as string, false);
    if (childMode === 'a1') return childA1(dir as string, db as string);
    if (childMode === 'b') return childB(dir as string, db as string, Number(maxRows));
    return childC(dir as string, db as string);
  }
  const rows = Number(arg('rows', '10000000'));
  const files = Number(arg('files', '40'));
  const bRows = Number(arg('b-rows', String(rows)));
  const work = mkdtempSync(path.join(tmpdir(), 'entente-bench-signals-'));
  try {
    const dir = path.join(work, 'input');
    mkdirSync(dir);
    let t0 = performance.now();
    const built = await buildInput(dir, rows, files);
    const bytes = totalBytes(inputFiles(dir));
    console.log(
      `input: ${built.rows.toLocaleString('en')} rows in ${files} files, ${(bytes / 1e9).toFixed(2)} GB (from ${built.sourceRows} real rows), built in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const results: Record<string, Measure> = {};
    const only = (arg('only', 'a0,a,a1,b,c') as string).split(',');
    if (only.includes('a1')) {
      t0 = performance.now();
      await writeNumbered(dir);
      console.log(
        `line-numbered copies for (a1) written in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
    }
    for (const [key, label, extra] of [
      ['a0', '(a0) same, DuckDB defaults', []],
      ['a', '(a) DuckDB read_csv → table', []],
      ['a1', '(a1) same + file and line, no checks', []],
      ['b', '(b) csv-parse + appender (Node)', [String(bRows)]],
      ['c', '(c) entente signals ingest', []],
    ] as const) {
      if (!only.includes(key)) continue;
      const loadBefore = loadavg()[0] as number;
      t0 = performance.now();
      results[key] = await runChild(key, dir, path.join(work, `${key}.duckdb`), [...extra]);
      const m = results[key] as Measure;
      console.log(
        `${label.padEnd(34)} ${m.rows.toLocaleString('en').padStart(12)} rows  ${m.seconds.toFixed(1).padStart(7)} s  ${Math.round(
          m.rows / m.seconds,
        )
          .toLocaleString('en')
          .padStart(
            10,
          )} rows/s  ${(m.bytes / 1e6 / m.seconds).toFixed(1).padStart(7)} MB/s  peak RSS ${Math.round(m.maxRssMb)} MB  (load avg ${loadBefore.toFixed(1)} → ${(loadavg()[0] as number).toFixed(1)} on ${cpus().length} CPUs)`,
      );
    }
    const ok = (b: boolean) => (b ? 'ok' : 'MISSED');
    const rate = (m: Measure) => m.rows / m.seconds;
    const { a, a0, a1, b, c } = results;
    if (a && c) {
      const ca = rate(c) / rate(a);
      console.log(`c/a = ${ca.toFixed(2)} (target ≥ 0.8: ${ok(ca >= 0.8)})`);
    }
    if (a0 && c) {
      const ca0 = rate(c) / rate(a0);
      console.log(`c/a0 = ${ca0.toFixed(2)} (the same target against DuckDB's defaults: ${ok(ca0 >= 0.8)})`);
    }
    if (a1 && a)
      console.log(`a1/a = ${(rate(a1) / rate(a)).toFixed(2)} (what keeping each row's file and line costs)`);
    if (a1 && c) {
      console.log(
        `c/a1 = ${(rate(c) / rate(a1)).toFixed(2)} (what the checks, duplicates, rollup and Node's pass cost on top)`,
      );
    }
    if (b && c) {
      const cb = rate(c) / rate(b);
      console.log(`c/b = ${cb.toFixed(1)} (target ≥ 10: ${ok(cb >= 10)})`);
    }
    if (a && b)
      console.log(`a/b = ${(rate(a) / rate(b)).toFixed(1)} (DuckDB's reader alone, with no checks)`);
    if (c?.extra) {
      console.log(
        `peak RSS of (c) = ${Math.round(c.maxRssMb)} MB (target ≤ 1024: ${ok(c.maxRssMb <= 1024)})`,
      );
      console.log(
        `accepted ${c.extra.accepted.toLocaleString('en')}, rejected ${c.extra.rejected}; KOR–JPN by month over the whole warehouse (${c.extra.periods} periods): first ${c.extra.seriesFirstMs.toFixed(0)} ms, median of 5 ${c.extra.seriesMedianMs.toFixed(0)} ms (target ≤ 200: ${ok(c.extra.seriesMedianMs <= 200)})`,
      );
    }
  } finally {
    if (!process.argv.includes('--keep')) rmSync(work, { recursive: true, force: true });
    else console.log(`kept ${work}`);
  }
}

await main();
