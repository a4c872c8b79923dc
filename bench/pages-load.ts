/**
 * The site's pages under load: concurrent readers over a mix of every kind of page in English,
 * Korean and Japanese (`?lang=`), while editors draft, submit and publish assessments through the
 * API. The server is `entente serve` in child processes (one, or two with `--workers 2` on
 * PostgreSQL); the readers are `wrk` in its own process (bench/pages-load.lua cycles the URLs), the
 * editors this process, both over keep-alive connections. Baseline in the same
 * run, on the same server, readers and editors: the stylesheet (`/assets/style.css`), the cheapest
 * answer the site gives.
 *
 *   node --import tsx bench/pages-load.ts [--seconds 10] [--readers 50,200] [--editors 4]
 *     [--editor-pause-ms 1000] [--only pglite,pg,pg2] [--profile dir]
 *
 * Needs wrk on the PATH (`apt-get install -y wrk`). PostgreSQL: the server of ENTENTE_TEST_PG (or postgres://postgres@127.0.0.1:5432/test); a scratch
 * database is made and dropped. Targets (issue 13): p95 ≤ 30 ms on PostgreSQL and ≤ 60 ms on PGlite at
 * 50 readers, 0 errors, page rate ≥ 0.5 × the stylesheet's.
 *
 * Each reader asks for its next page as soon as the last one arrived (no think time), so a rate is
 * readers ÷ latency. Each editor pauses `--editor-pause-ms` between its writes (0: as fast as it can);
 * each publication raises the change number, after which each page is rendered once again (drafts and
 * review steps, which no reader sees, do not).
 */

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { type Actor, addUser, createToken } from '../src/accounts/index.ts';
import { type Db, openStore } from '../src/core/index.ts';
import { importDataset, loadDataset } from '../src/dataset/index.ts';
import { refreshSearchIndex } from '../src/search/index.ts';
import { everyPageKind } from '../test/helpers/pages.ts';
import { createDatabase, databaseUrl, PG_URL, postgresReachable } from '../test/helpers/stores.ts';
import { ROOT, startServer } from './server-process.ts';

const { values: opts } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    readers: { type: 'string', default: '50,200' },
    editors: { type: 'string', default: '4' },
    'editor-pause-ms': { type: 'string', default: '1000' },
    only: { type: 'string', default: 'pglite,pg,pg2' },
    // A CPU profile of each server process (node --cpu-prof) written to this folder.
    profile: { type: 'string' },
  },
});
const SECONDS = Number(opts.seconds);
const READERS = opts.readers.split(',').map(Number);
const EDITORS = Number(opts.editors);
const PAUSE = Number(opts['editor-pause-ms']);
const ONLY = new Set(opts.only.split(','));
const NODE_ARGS = opts.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(opts.profile)}`] : [];
const LANGS = ['en', 'ko', 'ja'];
const WRK_SCRIPT = path.join(ROOT, 'bench/pages-load.lua');
const ITEMS = [
  'camp-david-missile-warning-data-sharing',
  'lima-establish-trilateral-secretariat',
  'busan-continue-shuttle-diplomacy',
  'tokyo-2025-hydrogen-cooperation',
];

const round = (x: number) => Math.round(x * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The record, its search index, and one editor each with an API token; returns the tokens. */
async function prepare(db: Db): Promise<string[]> {
  const loaded = loadDataset(path.join(ROOT, 'data/korea-japan'));
  await importDataset(db, loaded.dataset!);
  await refreshSearchIndex(db);
  const cli: Actor = { id: null, name: 'bench', role: 'admin' };
  const tokens: string[] = [];
  for (let i = 0; i < EDITORS; i++) {
    const u = await db.transaction((tx) =>
      addUser(tx, cli, {
        username: `editor${i}`,
        displayName: `Editor ${i}`,
        role: 'editor',
        password: 'bench password 123',
      }),
    );
    tokens.push((await createToken(db, { id: u.id, name: u.display_name, role: 'editor' }, 'bench')).secret);
  }
  return tokens;
}

/** The editors' HTTP/1.1 client over keep-alive connections, one per concurrent caller. */
function client(base: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  const url = new URL(base);
  const send = (method: string, p: string, headers: Record<string, string> = {}, body?: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        { agent, host: url.hostname, port: url.port, method, path: p, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { send, close: () => agent.destroy() };
}

type Client = ReturnType<typeof client>;

/**
 * Readers asking for `paths` in turn for `seconds`: `wrk` (a C load generator, its own process) over
 * one keep-alive connection per reader, so that the load costs the 2 CPUs as little as it can and
 * the server, not the client, is what is measured.
 */
async function read(base: string, readers: number, paths: string[], seconds: number) {
  const args = ['-t', '1', '-c', String(readers), '-d', `${seconds}s`, '--timeout', '10s', '-s', WRK_SCRIPT];
  const child = spawn('wrk', [...args, base, '--', ...paths], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.once('error', (e) => {
    err = `${e.message}: the readers need wrk on the PATH (apt-get install -y wrk)`;
  });
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  const code = await new Promise<number | null>((r) => child.once('close', r));
  const line = out.split('\n').find((l) => l.startsWith('{"requests"'));
  if (code !== 0 || !line) throw new Error(`wrk exited with ${code}: ${err || out}`);
  const w = JSON.parse(line) as Record<string, number | string>;
  const n = (k: string) => Number(w[k]);
  const errors: string[] = [];
  if (n('non200') > 0)
    errors.push(...Array(n('non200')).fill(`GET: status ${w.firstNon200} (first of them)`));
  for (const k of ['connect', 'read', 'write', 'timeout'])
    if (n(k) > 0) errors.push(...Array(n(k)).fill(`GET: ${k} error`));
  return { p50: n('p50'), p95: n('p95'), p99: n('p99'), rate: n('requests') / n('seconds'), errors };
}

/** Editors drafting, submitting and publishing (the next editor publishes) until `stop()`. */
function edit(c: Client, tokens: string[]) {
  let running = true;
  let writes = 0;
  const errors: string[] = [];
  const call = async (token: string, p: string, body: unknown) => {
    const res = await send(token, p, body);
    if (PAUSE > 0) await sleep(PAUSE);
    return res;
  };
  const send = async (token: string, p: string, body: unknown) => {
    const res = await c.send(
      'POST',
      `/api${p}`,
      { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      JSON.stringify(body),
    );
    if (res.status >= 300) throw new Error(`POST ${p}: ${res.status} ${res.body.slice(0, 200)}`);
    writes++;
    return JSON.parse(res.body) as { id: string; version: number };
  };
  const editor = async (n: number) => {
    for (let i = 0; running; i++) {
      try {
        await cycle(n, i);
      } catch (e) {
        errors.push((e as Error).message);
      }
    }
  };
  // On an error the cycle is dropped and the editor starts a new one: errors are counted, not retried.
  const cycle = async (n: number, i: number) => {
    const item = ITEMS[(n + i) % ITEMS.length]!;
    const draft = await call(tokens[n]!, `/items/${item}/assessments`, {
      as_of: '2025-10-30',
      implementation: i % 4,
      rationale: `Benchmark assessment ${n}.${i}`,
      evidence: [{ title: 'Benchmark', publisher: 'Entente', quote: 'benchmark quote' }],
    });
    if (!running) return;
    const submitted = await call(tokens[n]!, `/assessments/${draft.id}/submit`, { version: draft.version });
    if (!running) return;
    await call(tokens[(n + 1) % tokens.length]!, `/assessments/${draft.id}/publish`, {
      version: submitted.version,
    });
  };
  const done = Promise.all(tokens.map((_, i) => editor(i)));
  return {
    stop: async () => {
      running = false;
      await done;
      return { writes, errors };
    },
  };
}

/** Every configuration's figures at each number of readers. */
async function measure(name: string, url: string, tokens: string[], paths: string[]) {
  const rows = [];
  for (const readers of READERS) {
    const c = client(url);
    const load0 = loadavg()[0]!;
    // Warm: every page rendered once under the current records, as on a site already being read.
    await read(url, Math.min(readers, 20), paths, 2);
    const editors = edit(c, tokens);
    const css = await read(url, readers, ['/assets/style.css'], SECONDS);
    const pages = await read(url, readers, paths, SECONDS);
    const w = await editors.stop();
    c.close();
    const errors = [...pages.errors, ...css.errors, ...w.errors];
    rows.push({
      server: name,
      readers,
      'pages/s': Math.round(pages.rate),
      'p50 ms': round(pages.p50),
      'p95 ms': round(pages.p95),
      'p99 ms': round(pages.p99),
      'css/s': Math.round(css.rate),
      'css p95 ms': round(css.p95),
      'pages ÷ css': Math.round((pages.rate / css.rate) * 100) / 100,
      writes: w.writes,
      errors: errors.length,
      load: `${load0.toFixed(1)}→${loadavg()[0]!.toFixed(1)}`,
    });
    if (errors.length > 0)
      process.stderr.write(`${name}, ${readers} readers: ${errors.slice(0, 5).join(' | ')}\n`);
  }
  return rows;
}

const results: Record<string, unknown>[] = [];
let paths: string[] = [];
const mix = async (db: Db) =>
  (await everyPageKind(db))
    .filter((k) => k.kind !== 'login')
    .flatMap((k) => LANGS.map((l) => `${k.path}${k.path.includes('?') ? '&' : '?'}lang=${l}`));

if (ONLY.has('pglite')) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'entente-bench-'));
  try {
    const db = await openStore({ dataDir });
    const tokens = await prepare(db);
    paths = await mix(db);
    await db.close();
    const server = await startServer({ ENTENTE_DATA: dataDir, DATABASE_URL: '' }, [], NODE_ARGS);
    try {
      results.push(...(await measure('PGlite, 1 process', server.url, tokens, paths)));
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if ((ONLY.has('pg') || ONLY.has('pg2')) && (await postgresReachable())) {
  const name = await createDatabase();
  const url = databaseUrl(name);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'entente-bench-'));
  try {
    const db = await openStore({ dataDir, databaseUrl: url });
    const tokens = await prepare(db);
    paths = await mix(db);
    await db.close();
    for (const workers of [1, 2]) {
      if (!ONLY.has(workers === 1 ? 'pg' : 'pg2')) continue;
      const server = await startServer(
        { ENTENTE_DATA: dataDir, DATABASE_URL: url },
        ['--workers', String(workers)],
        NODE_ARGS,
      );
      try {
        const label = `PostgreSQL, ${workers} process${workers > 1 ? 'es' : ''}`;
        results.push(...(await measure(label, server.url, tokens, paths)));
      } finally {
        await server.stop();
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

process.stdout.write(
  `${paths.length} pages (${paths.length / LANGS.length} kinds × en/ko/ja), ${SECONDS} s per phase, ${EDITORS} editors pausing ${PAUSE} ms between writes, Node ${process.version}, 1-minute load average before→after each line\n`,
);
console.table(results);
