/**
 * The static build of the bundled record as a user runs it: `entente build <dir> --no-pdf` (or
 * with the PDF briefs, `--pdf`) in a child process on a fresh data folder, timed from spawn to exit;
 * the folder's pages, files and size, and its Pagefind index's size; then the folder served by a
 * plain static server and a Korean, a Japanese and an English query answered by Pagefind in
 * Chromium: the first with the index fetched, then the median of five. Baseline: `node -e ''`.
 *
 *   node --import tsx bench/static-build.ts [--pdf] [--keep]
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../test/helpers/browser.ts';
import { serveFolder } from '../test/helpers/static-server.ts';
import { ENTENTE, median, runTimed } from './server-process.ts';

const { values: opts } = parseArgs({
  options: { pdf: { type: 'boolean', default: false }, keep: { type: 'boolean', default: false } },
});

const load = () => loadavg()[0]!.toFixed(1);
const seconds = (ms: number) => (ms / 1000).toFixed(2);

function walk(dir: string): { files: number; bytes: number; pages: number } {
  let files = 0;
  let bytes = 0;
  let pages = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      const inner = walk(full);
      files += inner.files;
      bytes += inner.bytes;
      pages += inner.pages;
    } else {
      files++;
      bytes += statSync(full).size;
      if (e.name.endsWith('.html')) pages++;
    }
  }
  return { files, bytes, pages };
}

const work = mkdtempSync(path.join(tmpdir(), 'entente-static-bench-'));
const out = path.join(work, 'public');
const before = load();
const baseline = runTimed(['-e', '']);
const build = runTimed([ENTENTE, 'build', out, ...(opts.pdf ? [] : ['--no-pdf'])], {
  ENTENTE_DATA: path.join(work, 'data'),
  DATABASE_URL: '',
});
const after = load();
const site = walk(out);
const index = walk(path.join(out, 'pagefind'));
const said = `${build.stdout}\n${build.stderr}`;
console.log(
  `entente build ${opts.pdf ? '(with PDF briefs)' : '--no-pdf'} of the bundled record, Node ${process.version}, load ${before} → ${after}`,
);
console.table([
  { step: "node -e ''", seconds: seconds(baseline.ms) },
  { step: 'entente build', seconds: seconds(build.ms) },
]);
console.log(
  `${site.pages} HTML pages, ${site.files} files, ${(site.bytes / 2 ** 20).toFixed(1)} MB; Pagefind index ${index.files} files, ${(index.bytes / 2 ** 20).toFixed(1)} MB`,
);
for (const line of said.split('\n').filter((l) => /Fetched|Indexed|Wrote|broken/i.test(l)))
  console.log(`  ${line}`);

// The built folder as any static host serves it, searched in Chromium.
const served = await serveFolder(out);
const browser = await launchChromium();
const QUERIES: [prefix: string, q: string][] = [
  ['/ko/', '공급망'],
  ['/ja/', 'サプライチェーン'],
  ['/', 'LNG'],
];
const rows: Record<string, string | number>[] = [];
try {
  for (const [prefix, q] of QUERIES) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const ask = async () => {
      const t0 = performance.now();
      await page.goto(`${served.url}${prefix}search/?q=${encodeURIComponent(q)}`);
      await page.locator('#static-search ol.search-results li').first().waitFor({ timeout: 30_000 });
      const ms = performance.now() - t0;
      return { ms, hits: await page.locator('#static-search ol.search-results li').count() };
    };
    const first = await ask();
    const again: number[] = [];
    for (let i = 0; i < 5; i++) again.push((await ask()).ms);
    rows.push({
      query: `${prefix} ${q}`,
      results: first.hits,
      'first ms (index fetched)': Math.round(first.ms),
      'median of 5 ms': Math.round(median(again)),
    });
    await context.close();
  }
} finally {
  await browser.close();
  await served.close();
  if (!opts.keep) rmSync(work, { recursive: true, force: true });
}
console.table(rows);
if (opts.keep) console.log(`kept ${work}`);
