/**
 * Foundation figures: time from a fresh clone to a serving site, first import of the bundled
 * record, and page render times over HTTP.
 *
 *   node --import tsx bench/foundation.ts [--skip-clone]
 *
 * Why these numbers: a reader's first contact is `npm install && npm start`; an editor's daily loop
 * is an import; a reader's is a page. The static stylesheet, served by the same process in the same
 * run, is the baseline a page is compared with.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, openPglite, openPostgres } from '../src/core/index.ts';
import { importDataset, loadDataset } from '../src/dataset/index.ts';
import { listRecommendations } from '../src/tracker/index.ts';
import { createApp } from '../src/web/index.ts';
import { listen } from '../test/helpers/browser.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLED = path.join(ROOT, 'data/korea-japan');
const ms = (t0: number) => Math.round(performance.now() - t0);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function freshCloneToServing() {
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-clone-'));
  try {
    let t0 = performance.now();
    execFileSync('git', ['clone', '-q', ROOT, dir]);
    const clone = ms(t0);
    t0 = performance.now();
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: dir, stdio: 'ignore' });
    const install = ms(t0);
    t0 = performance.now();
    const port = 38000 + Math.floor(Math.random() * 1000);
    const child = spawn('node', ['bin/entente.js', 'serve', '--port', String(port)], {
      cwd: dir,
      env: { ...process.env, ENTENTE_DATA: path.join(dir, '.entente'), DATABASE_URL: '' },
      stdio: 'ignore',
    });
    let serving = -1;
    for (let i = 0; i < 600; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/`)).ok) {
          serving = ms(t0);
          break;
        }
      } catch {}
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGTERM');
    return { clone, install, firstStart: serving, total: clone + install + serving };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function firstImport() {
  const t0 = performance.now();
  const loaded = loadDataset(BUNDLED);
  const load = ms(t0);
  const out: Record<string, number> = { 'load+validate (ms)': load };
  const db = await openPglite();
  await migrate(db);
  let t1 = performance.now();
  await importDataset(db, loaded.dataset!);
  out['import, PGlite (ms)'] = ms(t1);
  t1 = performance.now();
  await importDataset(db, loaded.dataset!);
  out['re-import, no change, PGlite (ms)'] = ms(t1);
  await db.close();
  if (process.env.DATABASE_URL) {
    const pg = await openPostgres(process.env.DATABASE_URL);
    await migrate(pg);
    t1 = performance.now();
    await importDataset(pg, loaded.dataset!);
    out['import, PostgreSQL (ms)'] = ms(t1);
    await pg.close();
  }
  return out;
}

async function pageTimes(n = 200) {
  const db = await openPglite();
  await migrate(db);
  await importDataset(db, loadDataset(BUNDLED).dataset!);
  const server = await listen(createApp({ db }).fetch);
  const pages = [
    '/',
    '/papers',
    '/papers/partnership-2025-08-introduction',
    '/recommendations',
    '/recommendations?area=security-geopolitics&format=trilateral',
    `/recommendations/${(await listRecommendations(db))[0]!.id}`,
    '/parties/KOR',
    '/milestones',
    '/api/recommendations',
  ];
  const time = async (url: string) => {
    const t0 = performance.now();
    const res = await fetch(server.url + url);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    return performance.now() - t0;
  };
  for (const p of pages) await time(p); // warm up
  const page: number[] = [];
  const asset: number[] = [];
  for (let i = 0; i < n; i++) {
    page.push(await time(pages[i % pages.length]!));
    asset.push(await time('/assets/style.css'));
  }
  await server.close();
  await db.close();
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    'pages p50 (ms)': r(pct(page, 50)),
    'pages p95 (ms)': r(pct(page, 95)),
    'stylesheet p50 (ms, baseline)': r(pct(asset, 50)),
    'pages p50 / baseline': r(pct(page, 50) / pct(asset, 50)),
  };
}

console.log(`Entente foundation benchmark — node ${process.version}, ${new Date().toISOString()}`);
if (!process.argv.includes('--skip-clone')) console.table(await freshCloneToServing());
console.table(await firstImport());
console.table(await pageTimes());
