/**
 * Tracker pages under load: page p50/p95/p99 for 50 concurrent readers while editors draft, submit
 * and publish assessments through the API, on PGlite and on PostgreSQL; every error is counted.
 *
 *   node --import tsx bench/tracker-load.ts [--seconds 15] [--readers 50] [--editors 4]
 *
 * PostgreSQL is used when ENTENTE_TEST_PG (or the default postgres://postgres@127.0.0.1:5432/test)
 * answers; a scratch database is made and dropped. Loopback only.
 *
 * Why these numbers: reading is what most visitors do, and it must stay fast on the days editors
 * publish a batch of assessments; every page recomputes scores from all published assessments, so
 * writes make reads heavier as the run goes on, as they would over months.
 */
import { parseArgs } from 'node:util';
import { type Actor, addUser, createToken } from '../src/accounts/index.ts';
import type { Db } from '../src/core/index.ts';
import { importDataset, loadDataset } from '../src/dataset/index.ts';
import { createApp } from '../src/web/index.ts';
import { listen } from '../test/helpers/browser.ts';
import { available, DRIVERS } from '../test/helpers/stores.ts';

const { values: opts } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    readers: { type: 'string', default: '50' },
    editors: { type: 'string', default: '4' },
  },
});
const SECONDS = Number(opts.seconds);
const READERS = Number(opts.readers);
const EDITORS = Number(opts.editors);

const PAGES = [
  '/tracker',
  '/tracker/parties/KOR',
  '/tracker/parties/JPN',
  '/items/camp-david-annual-multi-domain-exercises',
  '/items/intro-mro-us-naval-ships',
  '/tracker/feed.atom',
  '/tracker/methodology',
];
const ITEMS = [
  'camp-david-missile-warning-data-sharing',
  'lima-establish-trilateral-secretariat',
  'busan-continue-shuttle-diplomacy',
  'tokyo-2025-hydrogen-cooperation',
];

const pct = (xs: number[], p: number) =>
  xs.length === 0
    ? Number.NaN
    : [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const round = (x: number) => Math.round(x * 10) / 10;

async function run(driver: string, db: Db) {
  const loaded = loadDataset(new URL('../data/korea-japan', import.meta.url).pathname);
  await importDataset(db, loaded.dataset!);
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
  const server = await listen(createApp({ db }).fetch);
  const until = performance.now() + SECONDS * 1000;
  const latencies: number[] = [];
  const errors: string[] = [];
  let writes = 0;

  const reader = async (n: number) => {
    for (let i = n; performance.now() < until; i++) {
      const path = PAGES[i % PAGES.length]!;
      const t0 = performance.now();
      try {
        const res = await fetch(`${server.url}${path}`);
        await res.arrayBuffer();
        if (res.status !== 200) errors.push(`GET ${path}: ${res.status}`);
      } catch (e) {
        errors.push(`GET ${path}: ${(e as Error).message}`);
      }
      latencies.push(performance.now() - t0);
    }
  };

  // Each editor drafts and submits; the next editor publishes (never the assessor).
  const editor = async (n: number) => {
    const call = async (token: string, method: string, path: string, body: unknown) => {
      const res = await fetch(`${server.url}/api${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as { id: string; version: number };
      if (res.status >= 300) errors.push(`${method} ${path}: ${res.status}`);
      else writes++;
      return json;
    };
    for (let i = 0; performance.now() < until; i++) {
      const item = ITEMS[(n + i) % ITEMS.length]!;
      const draft = await call(tokens[n]!, 'POST', `/items/${item}/assessments`, {
        as_of: '2025-10-30',
        implementation: i % 4,
        rationale: `Benchmark assessment ${n}.${i}`,
        evidence: [{ title: 'Benchmark', publisher: 'Entente', quote: 'benchmark quote' }],
      });
      const submitted = await call(tokens[n]!, 'POST', `/assessments/${draft.id}/submit`, {
        version: draft.version,
      });
      await call(tokens[(n + 1) % EDITORS]!, 'POST', `/assessments/${draft.id}/publish`, {
        version: submitted.version,
      });
    }
  };

  const t0 = performance.now();
  await Promise.all([
    ...Array.from({ length: READERS }, (_, i) => reader(i)),
    ...Array.from({ length: EDITORS }, (_, i) => editor(i)),
  ]);
  const elapsed = (performance.now() - t0) / 1000;
  await server.close();
  return {
    driver,
    readers: READERS,
    editors: EDITORS,
    seconds: round(elapsed),
    pages: latencies.length,
    'pages/s': round(latencies.length / elapsed),
    'p50 ms': round(pct(latencies, 50)),
    'p95 ms': round(pct(latencies, 95)),
    'p99 ms': round(pct(latencies, 99)),
    writes,
    errors: errors.length,
    ...(errors.length > 0 && { firstErrors: errors.slice(0, 5).join(' | ') }),
  };
}

const results = [];
// The stores the test suite uses: a migrated PGlite, and a scratch database on the PostgreSQL server.
for (const driver of DRIVERS) {
  if (!(await available(driver))) {
    process.stderr.write(`PostgreSQL is unreachable; only PGlite was measured.\n`);
    continue;
  }
  const { db, drop } = await driver.open();
  try {
    results.push(await run(driver.name === 'pg' ? 'postgres' : 'pglite', db));
  } finally {
    await drop();
  }
}
console.table(results);
