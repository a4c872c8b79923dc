/**
 * Search latency on a large record: the bundled Korea–Japan record copied 100 times (ids suffixed),
 * 500 queries drawn from its own words, p50/p95/p99 of the search service against a trivial indexed
 * lookup in the same store as baseline.
 *
 *   node --import tsx bench/search.ts [--copies 100] [--queries 500]
 *
 * PGlite always; PostgreSQL too when ENTENTE_TEST_PG (or the default test URL) answers.
 *
 * Why these numbers: the search box is in every page header and a reader expects an answer as they
 * would from a web search; 50 ms at p95 on a record a hundred times today's leaves room for a page
 * render around it. Queries mix single words, two-word queries and Korean and Japanese bigrams,
 * because each takes a different path through the index.
 */
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../src/core/index.ts';
import { importDataset, loadDataset } from '../src/dataset/index.ts';
import { type Field, refreshSearchIndex, search, tokens } from '../src/search/index.ts';
import { available, DRIVERS } from '../test/helpers/stores.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const COPIES = arg('copies', 100);
const QUERIES = arg('queries', 500);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const f1 = (x: number) => x.toFixed(1);

// Columns that hold a record id of a copied table get the copy's suffix; the rest (series of papers,
// issue areas, authors, parties) stay shared, as in a record that simply has more of everything.
const SUFFIXED: [table: string, columns: string[]][] = [
  ['papers', ['id']],
  ['paper_authors', ['paper_id']],
  ['recommendations', ['id', 'paper_id', 'made_in']],
  ['milestones', ['id']],
  ['commitments', ['id', 'milestone_id']],
  ['assessments', ['id', 'item_id', 'corrects']],
  ['survey_series', ['id']],
  ['survey_questions', ['series_id']],
  ['survey_waves', ['series_id']],
  ['survey_results', ['series_id']],
];

async function copyRecord(db: Db, copies: number) {
  for (const [table, suffixed] of SUFFIXED) {
    const cols = (
      await db.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND table_schema = current_schema()
          ORDER BY ordinal_position`,
        [table],
      )
    ).map((c) => c.column_name);
    const select = cols.map((c) => (suffixed.includes(c) ? `"${c}" || '-c' || k` : `"${c}"`)).join(', ');
    await db.query(
      `INSERT INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')})
       SELECT ${select} FROM ${table} CROSS JOIN generate_series(1, ${copies - 1}) AS k`,
    );
  }
}

/** A seeded generator, so that every run asks the same queries. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function drawQueries(db: Db, n: number): Promise<{ kind: string; q: string }[]> {
  const docs = await db.query<{ fields: Field[] }>('SELECT fields FROM search_documents ORDER BY kind, id');
  const latin: string[] = [];
  const hangul: string[] = [];
  const japanese: string[] = [];
  for (const d of docs) {
    for (const f of d.fields) {
      for (const t of tokens(f.text)) {
        const text = f.text.slice(t.start, t.end);
        if (!t.cjk) {
          if (t.term.length >= 4) latin.push(text);
        } else if (/\p{Script=Hangul}/u.test(text)) hangul.push(text);
        else japanese.push(text);
      }
    }
  }
  const next = random(20251124);
  const pick = (xs: string[]) => xs[Math.floor(next() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const r = i % 10;
    if (r < 6) return { kind: 'one word', q: pick(latin) };
    if (r < 8) return { kind: 'two words', q: `${pick(latin)} ${pick(latin)}` };
    if (r < 9) return { kind: 'Hangul bigram', q: pick(hangul) };
    return { kind: 'Kana/Kanji bigram', q: pick(japanese) };
  });
}

async function run(name: string, db: Db) {
  const loaded = loadDataset(path.join(ROOT, 'data/korea-japan'));
  if (!loaded.dataset) throw new Error('the bundled dataset is invalid');
  let t0 = performance.now();
  await importDataset(db, loaded.dataset);
  await copyRecord(db, COPIES);
  const load = performance.now() - t0;
  t0 = performance.now();
  const indexed = await refreshSearchIndex(db);
  const build = performance.now() - t0;
  const [{ docs }] = (await db.query<{ docs: number }>(
    'SELECT count(*)::int AS docs FROM search_documents',
  )) as [{ docs: number }];
  const queries = await drawQueries(db, QUERIES);

  // Warm both paths once, so that neither measures a cold cache the other does not.
  await search(db, { q: 'japan', kind: [], page: 1, size: 20 });
  const ids = (await db.query<{ id: string }>('SELECT id FROM papers ORDER BY id')).map((r) => r.id);
  const baseline: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const t = performance.now();
    await db.query('SELECT id, title FROM papers WHERE id = $1', [ids[i % ids.length]]);
    baseline.push(performance.now() - t);
  }
  const times: number[] = [];
  const byKind = new Map<string, number[]>();
  let hits = 0;
  for (const { kind, q } of queries) {
    const t = performance.now();
    const r = await search(db, { q, kind: [], page: 1, size: 20 });
    const dt = performance.now() - t;
    times.push(dt);
    byKind.set(kind, [...(byKind.get(kind) ?? []), dt]);
    if (r.total > 0) hits++;
  }
  console.log(`\n${name}: ${COPIES} copies of the bundled record, ${docs} search documents`);
  console.log(
    `  import + copy ${f1(load / 1000)} s; index build ${f1(build / 1000)} s for ${indexed} records`,
  );
  console.log(
    `  search     p50 ${f1(pct(times, 50))} ms  p95 ${f1(pct(times, 95))} ms  p99 ${f1(pct(times, 99))} ms  max ${f1(Math.max(...times))} ms  (${QUERIES} queries, ${hits} with results)`,
  );
  for (const [kind, xs] of byKind)
    console.log(
      `    ${kind.padEnd(18)} p50 ${f1(pct(xs, 50))} ms  p95 ${f1(pct(xs, 95))} ms  (${xs.length})`,
    );
  console.log(
    `  baseline   p50 ${f1(pct(baseline, 50))} ms  p95 ${f1(pct(baseline, 95))} ms  (primary-key lookup of a paper)`,
  );
  console.log(`  target     p95 ≤ 50 ms: ${pct(times, 95) <= 50 ? 'met' : 'NOT met'}`);
  console.log(
    `  load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} at end`,
  );
}

// Figures from a busy machine are not comparable: say how busy it was.
console.log(
  `${cpus().length} cores, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} at start`,
);
for (const driver of DRIVERS) {
  if (!(await available(driver))) {
    console.log(`\n${driver.name}: not reachable, skipped`);
    continue;
  }
  const { db, drop } = await driver.open();
  try {
    await run(driver.name === 'pg' ? 'PostgreSQL' : 'PGlite', db);
  } finally {
    await drop();
  }
}
