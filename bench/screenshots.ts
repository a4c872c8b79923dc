/**
 * Screenshots of the pages a reader meets first, in English, Korean and Japanese at 1280 and 390 px,
 * each checked by axe-core: the script fails (exit 1) on any serious or critical violation, and on a
 * page wider than its viewport.
 *
 *   node --import tsx bench/screenshots.ts [--out bench/out/screenshots] [--gdelt <folder>]
 *     [--only home,paper,...] [--langs en,ko,ja] [--widths 1280,390]
 *
 * The site runs in-process on the bundled record with a signals warehouse in memory, loaded from
 * `--gdelt` (default: $ENTENTE_GDELT, else the shared GDELT files at /work/shared/data/gdelt/…, else
 * the test fixtures). Korean and Japanese need a CJK font in Chromium's reach (Debian: fonts-noto-cjk).
 * Files are named `<kind>-<lang>-<width>.png`; `report.json` beside them lists every check.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Warehouse } from '../src/signals/index.ts';
import { createApp } from '../src/web/index.ts';
import { signalsPlugins } from '../src/web/signals/index.ts';
import { appWith } from '../test/helpers/app.ts';
import { overflow, seriousViolations } from '../test/helpers/axe.ts';
import { launchChromium, listen } from '../test/helpers/browser.ts';
import { BUNDLED } from '../test/helpers/datasets.ts';
import { everyPageKind, SCREENSHOT_KINDS } from '../test/helpers/pages.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1]!;
};
const list = (name: string, fallback: string) => arg(name, fallback).split(',').filter(Boolean);

const SHARED_GDELT = '/work/shared/data/gdelt/events-v2/2024-10_2025-01';
const gdelt = arg(
  'gdelt',
  process.env.ENTENTE_GDELT ??
    (existsSync(SHARED_GDELT) ? SHARED_GDELT : path.join(ROOT, 'test/fixtures/gdelt/events-v2')),
);
const out = path.resolve(arg('out', path.join(ROOT, 'bench/out/screenshots')));
const kinds = list('only', SCREENSHOT_KINDS.join(','));
const langs = list('langs', 'en,ko,ja');
const widths = list('widths', '1280,390').map(Number);

/** GDELT event files of a folder (not its subfolders), in name order. */
const eventFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => /\.export\.csv$/i.test(f) && statSync(path.join(dir, f)).isFile())
    .sort()
    .map((f) => path.join(dir, f));

async function main() {
  mkdirSync(out, { recursive: true });
  const { db } = await appWith(BUNDLED);
  const w = await Warehouse.open(':memory:');
  const files = eventFiles(gdelt);
  process.stdout.write(`loading ${files.length} GDELT files from ${gdelt}\n`);
  await w.ingestOutcomes(files);
  const app = createApp({ db, ...signalsPlugins(db, (fn) => fn(w)) });
  const server = await listen(app.fetch);
  const browser = await launchChromium();
  const pages = (await everyPageKind(db)).filter((p) => kinds.includes(p.kind));
  const report: { file: string; url: string; violations: string[]; excess: number; culprits: string[] }[] =
    [];
  try {
    for (const lang of langs) {
      for (const width of widths) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, locale: lang });
        const page = await context.newPage();
        for (const p of pages) {
          const url = `${server.url}${p.path}${p.path.includes('?') ? '&' : '?'}lang=${lang}`;
          const file = `${p.kind}-${lang}-${width}.png`;
          await page.goto(url);
          await page.screenshot({ path: path.join(out, file), fullPage: true });
          const violations = await seriousViolations(page);
          const { excess, culprits } = await overflow(page);
          report.push({ file, url: `${p.path} (${lang})`, violations, excess, culprits });
          const bad = violations.length > 0 || excess > 0;
          process.stdout.write(
            `${bad ? 'FAIL' : 'ok  '} ${file}${excess > 0 ? ` ${excess} px too wide: ${culprits.join(', ')}` : ''}\n`,
          );
          for (const v of violations) process.stdout.write(`     ${v}\n`);
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
    w.close();
    await db.close();
  }
  writeFileSync(path.join(out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  const failed = report.filter((r) => r.violations.length > 0 || r.excess > 0);
  process.stdout.write(`${report.length} screenshots in ${out}; ${failed.length} with problems\n`);
  if (failed.length > 0) process.exitCode = 1;
}

await main();
