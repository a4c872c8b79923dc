import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.ts';
import { signalsCommand } from '../../src/cli/signals.ts';
import { CliError, readConfig } from '../../src/core/index.ts';
import { Warehouse } from '../../src/signals/index.ts';
import { fixture, tempDir } from './helpers.ts';

const execFileAsync = promisify(execFile);
const tmp = tempDir();
afterAll(() => tmp.cleanup());

function context(dataDir = tmp.dir) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    config: readConfig({ ENTENTE_DATA: dataDir }),
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    interactive: false,
    openStore: () => {
      throw new Error('signals never opens the records store');
    },
  };
  return { ctx, out, err };
}

async function run(...args: string[]) {
  return runIn(tmp.dir, ...args);
}

async function runIn(dataDir: string, ...args: string[]) {
  const c = context(dataDir);
  const cmd = signalsCommand(c.ctx).exitOverride();
  await cmd.parseAsync(args, { from: 'user' });
  return { out: c.out.join('\n'), err: c.err.join('\n') };
}

describe('entente signals', () => {
  beforeAll(async () => {
    const r = await run(
      'ingest',
      fixture('events-v2/20250103111500.export.CSV'),
      fixture('events-v2/20250104170000.export.CSV'),
      fixture('broken/mixed-problems.20190121220000.export.CSV'),
    );
    expect(r.out).toBe('3 of 3 files; 2038 rows accepted, 12 rejected.');
  });

  it('ingest puts the warehouse at ENTENTE_SIGNALS’ default and reports per file', async () => {
    expect(existsSync(join(tmp.dir, 'signals.duckdb'))).toBe(true);
    const r = await run('ingest', fixture('events-v2/20250103111500.export.CSV'));
    expect(r.err).toContain('20250103111500.export.CSV: already ingested, skipped');
    expect(r.out).toBe('1 of 1 files; 0 rows accepted, 0 rejected.');
  });

  it('ingest searches folders and fails cleanly, after the others, on a file it cannot read', async () => {
    const other = join(tmp.dir, 'other');
    await expect(runIn(other, 'ingest', fixture('broken'))).rejects.toThrow(CliError);
    const c = context(join(tmp.dir, 'third'));
    await signalsCommand(c.ctx)
      .exitOverride()
      .parseAsync(['ingest', fixture('broken')], { from: 'user' })
      .catch(() => {});
    expect(c.err.join('\n')).toMatch(
      /truncated\.20190121220000\.export\.CSV\.zip: not ingested: .*not a complete zip/,
    );
    expect(c.out.join('\n')).toMatch(/^4 of 5 files/);
    await expect(run('ingest', join(tmp.dir, 'nope'))).rejects.toThrow(/no such file or folder/);
  });

  it('index --format json prints one object per period with the documented fields', async () => {
    const r = await run('index', '--dyad', 'KOR-JPN', '--by', 'month', '--format', 'json');
    const rows = JSON.parse(r.out) as Record<string, unknown>[];
    expect(rows.map((p) => p.period)).toEqual(['2024-12-01', '2025-01-01']);
    expect(rows.reduce((s, p) => s + (p.events as number), 0)).toBe(12 + 6);
    expect(Object.keys(rows[0] as object)).toEqual([
      'period',
      'events',
      'mentions',
      'goldstein_weighted',
      'goldstein_sum',
      'tone_mean',
      'verbal_cooperation',
      'verbal_cooperation_share',
      'material_cooperation',
      'material_cooperation_share',
      'verbal_conflict',
      'verbal_conflict_share',
      'material_conflict',
      'material_conflict_share',
    ]);
  });

  it('index prints csv and a table, and the BigQuery SQL without running it', async () => {
    const csv = (await run('index', '--dyad', 'KOR-JPN', '--format', 'csv')).out.split('\n');
    expect(csv[0]?.startsWith('period,events,mentions,')).toBe(true);
    expect(csv).toHaveLength(3);
    const t = (await run('index', '--dyad', 'KOR-JPN', '--breakdown', 'issue-area')).out;
    expect(t.split('\n')[0]).toMatch(/^\s*period\s+issue_area\s+sub_area\s+events/);
    const sql = (await run('index', '--dyad', 'KOR-JPN', '--sql', 'bigquery')).out;
    expect(sql).toContain('`gdelt-bq.gdeltv2.events`');
  });

  it('ingest skips and lists the files of a folder that are not GDELT files, and the run succeeds', async () => {
    const folder = join(tmp.dir, 'mixed-folder');
    mkdirSync(folder, { recursive: true });
    copyFileSync(fixture('events-v2/20250104170000.export.CSV'), join(folder, '20250104170000.export.CSV'));
    writeFileSync(join(folder, 'notes.txt'), 'Downloaded on Monday from the GDELT site.\n');
    writeFileSync(join(folder, 'README.md'), '# GDELT files\n');
    const r = await runIn(join(tmp.dir, 'mixed'), 'ingest', folder);
    expect(r.out.split('\n')).toEqual([
      '1 of 1 files; 795 rows accepted, 0 rejected.',
      '2 file(s) skipped, not GDELT files:',
      `  ${join(folder, 'README.md')}`,
      `  ${join(folder, 'notes.txt')}`,
    ]);
    expect(r.err).toContain(`${join(folder, 'notes.txt')}: skipped: not a GDELT file`);
    // A file named on the command line is looked at whatever its name, and skipped the same way.
    const named = await runIn(join(tmp.dir, 'mixed'), 'ingest', join(folder, 'README.md'));
    expect(named.out).toContain(`1 file(s) skipped, not GDELT files:\n  ${join(folder, 'README.md')}`);
  });

  it('index and fetch refuse --from after --to, saying why, as a usage error', async () => {
    for (const args of [
      ['index', '--dyad', 'KOR-JPN', '--from', '2025-02-01', '--to', '2025-01-01'],
      ['fetch', '--from', '2025-02-01', '--to', '2025-01-01', '--no-ingest'],
    ]) {
      const e = await run(...args).catch((x: unknown) => x);
      expect(e, args[0]).toBeInstanceOf(CliError);
      expect((e as CliError).exitCode).toBe(2);
      expect((e as CliError).message).toBe(
        '--from 2025-02-01 is after --to 2025-01-01: no day is in that range (did you swap them?)',
      );
    }
    // One day is a range.
    const one = await run('index', '--dyad', 'KOR-JPN', '--from', '2025-01-03', '--to', '2025-01-03');
    expect(one.out).not.toBe('(no rows)');
  });

  it('index refuses a malformed dyad with a clean message', async () => {
    await expect(run('index', '--dyad', 'KOREA-JAPAN')).rejects.toThrow(/two CAMEO country codes/);
  });

  it('status and quarantine say what is there and where the problems are', async () => {
    const s = (await run('status')).out;
    expect(s).toMatch(/files\s+3 \(events-v2: 3\)/);
    expect(s).toMatch(/events\s+2038/);
    // Which dates: those the events took place on, and those of the files they came in.
    expect(s).toMatch(
      /^event dates \d{4}-\d{2}-\d{2} … \d{4}-\d{2}-\d{2} {2}\(SQLDATE: the days events took place\)$/m,
    );
    expect(s).toMatch(
      /^file dates {2}2019-01-21 … 2025-01-04 {2}\(DATEADDED: the days GDELT published the files\)$/m,
    );
    expect(JSON.parse((await run('status', '--json')).out)).toMatchObject({
      firstAdded: '2019-01-21',
      lastAdded: '2025-01-04',
    });
    expect(s).toMatch(/quarantine\s+12/);
    expect(s).toMatch(/column_count\s+2/);
    const q = (await run('quarantine', '--file', 'mixed-problems.20190121220000.export.CSV')).out.split('\n');
    expect(q).toHaveLength(12);
    expect(q[0]).toBe(
      'mixed-problems.20190121220000.export.CSV:2: bad_date: SQLDATE: not a valid date ("20181345")',
    );
    await expect(run('quarantine', '--limit', 'x')).rejects.toThrow(/--limit/);
  });

  it('export writes Parquet files', async () => {
    const dir = join(tmp.dir, 'parquet');
    const r = await run('export', '--parquet', dir);
    expect(r.out.split('\n').map((f) => f.slice(dir.length + 1))).toEqual([
      'events.parquet',
      'mentions.parquet',
      'files.parquet',
      'quarantine.parquet',
    ]);
    for (const f of r.out.split('\n')) expect(existsSync(f)).toBe(true);
  });

  it('ingest refuses a batch size that is not a positive number', async () => {
    for (const bad of ['0', '-5', 'lots']) {
      await expect(
        run('ingest', '--batch-mb', bad, fixture('events-v2/20250103111500.export.CSV')),
      ).rejects.toThrow(`--batch-mb must be a positive number, got "${bad}"`);
    }
    const r = await run('ingest', '--batch-mb', '0.5', fixture('events-v2/20250103111500.export.CSV'));
    expect(r.out).toBe('1 of 1 files; 0 rows accepted, 0 rejected.');
  });

  it('ingest takes a memory limit; a file that does not fit stops it with what to do, and nothing of it stays', async () => {
    for (const bad of ['8', 'lots', '1.5']) {
      await expect(
        run('ingest', '--memory-mb', bad, fixture('events-v2/20250103111500.export.CSV')),
      ).rejects.toThrow(`--memory-mb must be an integer of at least 16, got "${bad}"`);
    }
    const dir = join(tmp.dir, 'memory');
    const file = fixture('events-v2/20241210143000.export.CSV');
    const e = await runIn(dir, 'ingest', '--memory-mb', '16', file).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).message).toBe(
      `${file}: DuckDB ran out of memory loading this alone. Run the same command again with a --memory-mb above DuckDB's 16MB: it skips the files already stored and loads the rest.`,
    );
    expect((await runIn(dir, 'status', '--json')).out).toMatch(/"files": 0/);
    const r = await runIn(dir, 'ingest', '--memory-mb', '200', file);
    expect(r.out).toMatch(/^1 of 1 files; \d+ rows accepted/);
  });

  it('reading commands say how to make a warehouse when there is none', async () => {
    const empty = join(tmp.dir, 'empty');
    for (const args of [['status'], ['quarantine'], ['export', '--parquet', join(empty, 'p')]]) {
      await expect(runIn(empty, ...args)).rejects.toThrow(/no signals warehouse at .* yet: load GDELT files/);
    }
    expect(existsSync(join(empty, 'signals.duckdb'))).toBe(false);
  });

  it('status reads a warehouse that a server holds open; ingest says who holds it', async () => {
    // The server's read-only hold is a lock of this process; another process must respect it.
    const held = await Warehouse.open(join(tmp.dir, 'signals.duckdb'), { readOnly: true });
    try {
      const cli = (...args: string[]) =>
        spawnSync(process.execPath, ['bin/entente.js', 'signals', ...args], {
          env: { ...process.env, ENTENTE_DATA: tmp.dir, ENTENTE_SIGNALS: '' },
          encoding: 'utf8',
        });
      const status = cli('status', '--json');
      expect(status.stderr).toBe('');
      expect(JSON.parse(status.stdout).files).toBeGreaterThan(0);
      const ingest = cli('ingest', '--wait', '0.5', fixture('events-v2/20241210143000.export.CSV'));
      expect(ingest.status).not.toBe(0);
      expect(ingest.stderr).toContain(
        `waiting for process ${process.pid} to let go of the signals warehouse`,
      );
      expect(ingest.stderr).toContain(`is open in another process (PID ${process.pid}:`);
      expect(ingest.stderr).toContain('(--wait sets how long to wait for it), or set ENTENTE_SIGNALS');
    } finally {
      held.close();
    }
  });

  it('ingest waits for a process that lets go of the warehouse soon (a server between two pages)', async () => {
    const dir = join(tmp.dir, 'wait');
    await runIn(dir, 'ingest', fixture('events-v2/20250104170000.export.CSV'));
    const held = await Warehouse.open(join(dir, 'signals.duckdb'), { readOnly: true });
    const child = execFileAsync(
      process.execPath,
      ['bin/entente.js', 'signals', 'ingest', '--wait', '30', fixture('events-v2/20241210143000.export.CSV')],
      { env: { ...process.env, ENTENTE_DATA: dir, ENTENTE_SIGNALS: '' }, encoding: 'utf8' },
    );
    // Let go once the child has said it waits.
    await new Promise<void>((resolve) => {
      child.child.stderr?.on('data', (d: string) => {
        if (String(d).includes('waiting for process')) resolve();
      });
    });
    held.close();
    const { stdout, stderr } = await child;
    expect(stderr).toContain(`waiting for process ${process.pid} to let go of the signals warehouse`);
    expect(stdout.trim()).toMatch(/^1 of 1 files; \d+ rows accepted, 0 rejected\.$/);
  });

  it('has help for every subcommand', () => {
    const cmd = signalsCommand(context().ctx);
    expect(cmd.commands.map((c) => c.name())).toEqual([
      'ingest',
      'index',
      'status',
      'quarantine',
      'export',
      'fetch',
    ]);
    for (const c of cmd.commands) expect(c.helpInformation().length).toBeGreaterThan(100);
    expect(cmd.commands.find((c) => c.name() === 'fetch')?.helpInformation()).toContain('--from <date>');
  });
});
