import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signalsCommand } from '../../src/cli/signals.ts';
import { CliError, readConfig } from '../../src/core/index.ts';
import { type FetchProgress, fetchGdelt } from '../../src/signals/fetcher.ts';
import { Warehouse } from '../../src/signals/index.ts';
import { countLines, fixture, tempDir, zipOf } from './helpers.ts';

const execFileAsync = promisify(execFile);
const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');

/** Real files, zipped as GDELT serves them, each with the misbehaviour a test needs. */
const real = (name: string) =>
  zipOf(`${name}.export.CSV`, readFileSync(fixture(`events-v2/${name}.export.CSV`)));
const FILES = {
  good: { name: '20250103111500.export.CSV.zip', body: real('20250103111500'), lines: 1215 },
  truncated: { name: '20250104170000.export.CSV.zip', body: real('20250104170000'), lines: 795 },
  corrupt: { name: '20241211113000.export.CSV.zip', body: real('20241211113000'), lines: 1845 },
  missing: { name: '20241210143000.export.CSV.zip', body: real('20241210143000'), lines: 2009 },
  slow: {
    name: '20190121220000.export.CSV.zip',
    body: readFileSync(fixture('events-v2/narayave__20190121220000.export.CSV.zip')),
    lines: 1629,
  },
};

interface Logged {
  url: string;
  range?: string;
}

let server: Server;
let base: string;
let log: Logged[];
let served: Map<string, number>;
let listedMd5Override: Map<string, string>;
/** A file whose response waits until `release` resolves; `asked` resolves when it is requested. */
let hold: { name: string; asked: () => void; release: Promise<void> } | undefined;

function masterList(): string {
  const entry = (name: string, body: Buffer) =>
    `${body.length} ${listedMd5Override.get(name) ?? md5(body)} ${base}${name}`;
  return [
    // Outside the requested range: must not be fetched.
    `150383 297a16b493de7cf6ca809a7cc31d0b93 ${base}20150218230000.export.CSV.zip`,
    ...Object.values(FILES).map((f) => entry(f.name, f.body)),
    `318084 bb27f78ba45f69a17ea6ed7755e9f8ff ${base}20250103111500.mentions.CSV.zip`,
    '',
  ].join('\n');
}

async function handle(req: IncomingMessage, res: import('node:http').ServerResponse) {
  const name = (req.url ?? '').replace(/^\//, '');
  if (hold?.name === name) {
    const { asked, release } = hold;
    hold = undefined;
    asked();
    await release;
  }
  log.push({ url: name, range: req.headers.range });
  const n = (served.get(name) ?? 0) + 1;
  served.set(name, n);
  if (name === 'masterfilelist.txt') return res.end(masterList());
  const f = Object.values(FILES).find((x) => x.name === name);
  if (!f || f === FILES.missing) {
    res.statusCode = 404;
    return res.end('not found');
  }
  let body = f.body;
  let start = 0;
  const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  if (m) {
    start = Number(m[1]);
    res.statusCode = 206;
    res.setHeader('Content-Range', `bytes ${start}-${body.length - 1}/${body.length}`);
    body = body.subarray(start);
  }
  res.setHeader('Content-Length', body.length);
  if (f === FILES.truncated && n === 1) {
    // Half the bytes, then the connection drops: an interrupted download.
    res.write(body.subarray(0, Math.floor(body.length / 2)));
    setTimeout(() => res.destroy(), 20);
    return;
  }
  if (f === FILES.corrupt && n === 1) {
    const bad = Buffer.from(body);
    bad[100] = (bad[100] ?? 0) ^ 0xff;
    return res.end(bad);
  }
  if (f === FILES.slow && n === 1) {
    // Headers, then silence longer than the fetcher's idle timeout.
    res.flushHeaders();
    setTimeout(() => res.destroy(), 2000);
    return;
  }
  res.end(body);
}

beforeAll(async () => {
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('fetching GDELT files from a (local) server', () => {
  const tmp = tempDir();
  let w: Warehouse;
  beforeEach(async () => {
    log = [];
    served = new Map();
    listedMd5Override = new Map();
    w = await Warehouse.open(':memory:');
  });
  afterEach(() => w.close());
  afterAll(() => tmp.cleanup());

  const run = (dir: string, extra: Partial<Parameters<typeof fetchGdelt>[0]> = {}) => {
    const events: FetchProgress[] = [];
    const sleeps: number[] = [];
    const result = fetchGdelt({
      version: 2,
      from: '2019-01-01',
      to: '2025-12-31',
      dir,
      baseUrl: base,
      concurrency: 2,
      retries: 3,
      backoffMs: 10,
      idleTimeoutMs: 300,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      onProgress: (p) => events.push(p),
      ingest: (items) => w.ingestOutcomes(items.map((i) => i.path)),
      ...extra,
    });
    return { result, events, sleeps };
  };

  it('downloads the range, survives truncation, corruption and a stall, reports a 404, ingests as it goes', async () => {
    const dir = join(tmp.dir, 'a');
    const { result, events, sleeps } = run(dir);
    const r = await result;
    const by = new Map(r.files.map((f) => [f.file.name, f]));
    expect([...by.keys()].sort()).toEqual(
      Object.values(FILES)
        .map((f) => f.name)
        .sort(),
    );
    expect(by.get(FILES.good.name)).toMatchObject({ status: 'downloaded', attempts: 1, rows: 1215 });
    expect(by.get(FILES.truncated.name)).toMatchObject({ status: 'downloaded', attempts: 2, rows: 795 });
    expect(by.get(FILES.corrupt.name)).toMatchObject({ status: 'downloaded', attempts: 2, rows: 1845 });
    expect(by.get(FILES.slow.name)).toMatchObject({ status: 'downloaded', attempts: 2, rows: 1629 });
    expect(by.get(FILES.missing.name)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(by.get(FILES.missing.name)?.error).toMatch(/HTTP 404/);

    // The truncated download resumed where it broke off instead of starting over.
    const resumed = log.filter((l) => l.url === FILES.truncated.name);
    expect(resumed[1]?.range).toBe(`bytes=${Math.floor(FILES.truncated.body.length / 2)}-`);
    // Nothing outside the date range or of another stream was requested.
    expect(log.map((l) => l.url)).not.toContain('20150218230000.export.CSV.zip');
    expect(log.map((l) => l.url)).not.toContain('20250103111500.mentions.CSV.zip');
    // Backoff doubles per attempt of a file; each retry here was a first retry.
    expect(sleeps).toEqual([10, 10, 10]);
    expect(
      events
        .filter((e) => e.event === 'retry')
        .map((e) => e.file)
        .sort(),
    ).toEqual([FILES.corrupt.name, FILES.slow.name, FILES.truncated.name].sort());
    const last = events.at(-1) as FetchProgress;
    expect(last).toMatchObject({ filesDone: 5, filesTotal: 5, rows: 1215 + 795 + 1845 + 1629 });

    const s = await w.status();
    expect(s.events).toBe(1215 + 795 + 1845 + 1629);
    expect(s.files).toBe(4);
    for (const f of [FILES.good, FILES.truncated, FILES.corrupt]) {
      expect(readFileSync(join(dir, f.name)).equals(f.body)).toBe(true);
    }
  });

  it('while an ingest runs, finished downloads wait and go in together, each file with its own outcome', async () => {
    const groups: string[][] = [];
    const { result } = run(join(tmp.dir, 'grouped'), {
      concurrency: 4,
      ingest: async (items) => {
        groups.push(items.map((i) => i.file.name));
        // A slow warehouse: the other downloads finish meanwhile.
        await new Promise((r) => setTimeout(r, 400));
        return w.ingestOutcomes(items.map((i) => i.path));
      },
    });
    const r = await result;
    expect(groups.flat().sort()).toEqual(
      [FILES.good.name, FILES.truncated.name, FILES.corrupt.name, FILES.slow.name].sort(),
    );
    expect(groups.length).toBeLessThan(4);
    expect(Math.max(...groups.map((g) => g.length))).toBeGreaterThan(1);
    const rows = Object.fromEntries(r.files.map((f) => [f.file.name, f.rows]));
    expect(rows).toMatchObject({
      [FILES.good.name]: 1215,
      [FILES.truncated.name]: 795,
      [FILES.corrupt.name]: 1845,
      [FILES.slow.name]: 1629,
    });
    expect((await w.status()).events).toBe(1215 + 795 + 1845 + 1629);
  });

  it('a refused file keeps its reason, the others of the call their rows; a call that throws marks its whole group', async () => {
    const { result } = run(join(tmp.dir, 'refused'), {
      concurrency: 4,
      ingest: async (items) => {
        const outcomes = await w.ingestOutcomes(items.map((i) => i.path));
        return items.map((i, k) =>
          i.file.name === FILES.good.name ? { error: 'refused here' } : outcomes[k]!,
        );
      },
    });
    const r = await result;
    const good = r.files.find((f) => f.file.name === FILES.good.name);
    expect(good?.ingestError).toBe('refused here');
    expect(good?.rows).toBeUndefined();
    expect(r.files.filter((f) => f.rows !== undefined)).toHaveLength(3);

    const thrown = await run(join(tmp.dir, 'thrown'), {
      ingest: async () => {
        throw new Error('disk full');
      },
    }).result;
    const downloaded = thrown.files.filter((f) => f.status !== 'failed');
    expect(downloaded).toHaveLength(4);
    for (const f of downloaded) {
      expect(f.ingestError).toBe('disk full');
      expect(f.rows).toBeUndefined();
    }

    // A callback that throws before it awaits anything must not leave later files waiting forever.
    const sync = await run(join(tmp.dir, 'sync'), {
      ingest: () => {
        throw new Error('at once');
      },
    }).result;
    const got = sync.files.filter((f) => f.status !== 'failed');
    expect(got).toHaveLength(4);
    for (const f of got) expect(f.ingestError).toBe('at once');
  });

  it('gives up on a file whose checksum never matches, after the retries, with backoff doubling', async () => {
    listedMd5Override.set(FILES.good.name, '0'.repeat(32));
    const { result, sleeps } = run(join(tmp.dir, 'b'), { concurrency: 1 });
    const r = await result;
    const good = r.files.find((f) => f.file.name === FILES.good.name);
    expect(good).toMatchObject({ status: 'failed', attempts: 4 });
    expect(good?.error).toMatch(/MD5 [0-9a-f]{32}, listed 0{32}/);
    expect(sleeps.slice(0, 3)).toEqual([10, 20, 40]);
  });

  it('a rerun downloads nothing it already has, and resumes a partial file', async () => {
    const dir = join(tmp.dir, 'c');
    await run(dir).result;
    log = [];
    served = new Map();
    // Simulate a crash mid-download of one file: its bytes half there as .part, the final file gone.
    rmSync(join(dir, FILES.good.name));
    writeFileSync(join(dir, `${FILES.good.name}.part`), FILES.good.body.subarray(0, 1000));
    const r = await run(dir).result;
    expect(r.files.find((f) => f.file.name === FILES.good.name)).toMatchObject({
      status: 'downloaded',
      attempts: 1,
    });
    expect(r.files.filter((f) => f.status === 'present')).toHaveLength(3);
    expect(log.filter((l) => l.url !== 'masterfilelist.txt' && l.url !== FILES.missing.name)).toEqual([
      { url: FILES.good.name, range: 'bytes=1000-' },
    ]);
    // Every verified file went to the (fresh) warehouse; each accepted + rejected equals its lines.
    for (const m of await w.manifest()) {
      const f = Object.values(FILES).find((x) => x.name === m.name);
      expect(m.accepted + m.rejected).toBe(f?.lines);
      expect(f?.lines).toBe(
        countLines(
          f === FILES.slow
            ? fixture('events-v2/narayave__20190121220000.export.CSV')
            : fixture(`events-v2/${f?.name.replace('.zip', '')}`),
        ),
      );
    }
  });
});

describe('entente signals fetch', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('fetches through the CLI into ENTENTE_SIGNALS and reports the failures', async () => {
    log = [];
    served = new Map();
    listedMd5Override = new Map();
    const out: string[] = [];
    const err: string[] = [];
    const ctx = {
      config: readConfig({ ENTENTE_DATA: tmp.dir }),
      out: (l: string) => out.push(l),
      err: (l: string) => err.push(l),
      interactive: false,
      openStore: () => Promise.reject(new Error('unused')),
    };
    const cmd = signalsCommand(ctx).exitOverride();
    // 2025-01-03 holds the good file only; 2024-12-10 the missing one (404).
    await cmd.parseAsync(['fetch', '--from', '2025-01-03', '--to', '2025-01-03', '--base-url', base], {
      from: 'user',
    });
    expect(out.at(-1)).toBe(`1 of 1 files fetched into ${join(tmp.dir, 'gdelt', 'v2')}; 1215 rows ingested.`);
    expect(err.some((l) => l.startsWith('downloaded 20250103111500.export.CSV.zip'))).toBe(true);
    await expect(
      signalsCommand(ctx)
        .exitOverride()
        .parseAsync(['fetch', '--from', '2024-12-10', '--to', '2024-12-10', '--base-url', base], {
          from: 'user',
        }),
    ).rejects.toThrow(CliError);
    expect(err.at(-1)).toMatch(/20241210143000\.export\.CSV\.zip: .*HTTP 404/);
    const w = await Warehouse.open(join(tmp.dir, 'signals.duckdb'));
    expect((await w.status()).events).toBe(1215);
    w.close();
  });

  it('lets go of the warehouse between downloads, so another process (a server) can read it', async () => {
    log = [];
    served = new Map();
    listedMd5Override = new Map();
    const data = join(tmp.dir, 'between');
    // The first file is reported ingested once its group is committed and the warehouse closed.
    let ingested!: () => void;
    const firstIn = new Promise<void>((r) => {
      ingested = r;
    });
    const ctx = {
      config: readConfig({ ENTENTE_DATA: data }),
      out: () => {},
      err: (l: string) => {
        if (l.startsWith(`ingested ${FILES.good.name}`)) ingested();
      },
      interactive: false,
      openStore: () => Promise.reject(new Error('unused')),
    };
    // One download at a time: the good file (listed first) is ingested, then the next one is held
    // at the server until another process has read the warehouse.
    let asked!: () => void;
    const requested = new Promise<void>((r) => {
      asked = r;
    });
    let release!: () => void;
    hold = { name: FILES.corrupt.name, asked, release: new Promise<void>((r) => (release = r)) };
    const fetching = signalsCommand(ctx)
      .exitOverride()
      .parseAsync(
        ['fetch', '--from', '2024-12-11', '--to', '2025-01-03', '--base-url', base, '--concurrency', '1'],
        { from: 'user' },
      );
    await Promise.all([requested, firstIn]);
    const status = await execFileAsync(process.execPath, ['bin/entente.js', 'signals', 'status', '--json'], {
      env: { ...process.env, ENTENTE_DATA: data, ENTENTE_SIGNALS: '' },
      encoding: 'utf8',
    }).finally(() => release());
    expect(JSON.parse(status.stdout)).toMatchObject({ files: 1, events: 1215 });
    // The held file was served corrupt first, then again whole: the fetch goes on to the end.
    await fetching;
    const w = await Warehouse.open(join(data, 'signals.duckdb'), { readOnly: true });
    expect((await w.status()).events).toBe(1215 + 1845);
    w.close();
  });
});
