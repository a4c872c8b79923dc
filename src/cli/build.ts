import { Command } from 'commander';
import { CliError } from '../core/index.ts';
import { importBundled } from './bundled.ts';
import { type CliContext, withStore } from './context.ts';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** `entente build <dir>`: the public site as static files with a static search. */
export function buildCommand(ctx: CliContext): Command {
  return new Command('build')
    .argument('<dir>', 'folder to write (emptied first)')
    .option(
      '--base-url <url>',
      'address the copy will be published at, used in absolute links',
      'http://localhost/',
    )
    .option('--live-url <url>', 'the live site, linked from the note that replaces forms')
    .option('--limit <n>', 'at most this many pages and files', '20000')
    .option('--no-search', 'leave out the Pagefind search index')
    .option('--no-pdf', 'leave out the PDF briefs (they need Chromium); their links go to --live-url')
    .action(
      async (
        dir: string,
        opts: { baseUrl: string; liveUrl?: string; limit: string; search: boolean; pdf: boolean },
      ) => {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1)
          throw new CliError(`--limit must be a whole number, got "${opts.limit}"`);
        for (const [name, v] of [
          ['--base-url', opts.baseUrl],
          ['--live-url', opts.liveUrl],
        ] as const)
          if (v !== undefined && !URL.canParse(v))
            throw new CliError(`${name} must be an absolute URL, got "${v}"`);
        const started = performance.now();
        // The site's code is loaded when it is needed, so that `entente --help` starts at once.
        const [{ createSite }, { fileWarehouse, signalsPlugins }, { buildSite }] = await Promise.all([
          import('../web/index.ts'),
          import('../web/signals/index.ts'),
          import('../web/static/index.ts'),
        ]);
        const report = await withStore(ctx, async (db) => {
          // An empty store gets the bundled datasets, as on the first `entente serve`.
          await importBundled(ctx, db, 'Empty store');
          const warehouse = fileWarehouse(ctx.config.signalsPath);
          const app = await createSite({ db, perDataset: (d) => signalsPlugins(d, warehouse) });
          return buildSite({
            app,
            outDir: dir,
            baseUrl: opts.baseUrl,
            liveUrl: opts.liveUrl,
            search: opts.search,
            skip: opts.pdf ? [] : [/\.pdf$/],
            limit,
            log: ctx.err,
          });
        });
        for (const b of report.broken) ctx.err(`${b.url}: ${b.status} (linked from ${b.from})`);
        if (report.truncated)
          throw new CliError(`The site has more than ${limit} pages and files; raise --limit.`);
        if (report.broken.length > 0)
          throw new CliError(
            `${report.broken.length} links lead to errors; see above. The folder is incomplete.`,
          );
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        ctx.out(
          `Wrote ${report.pages} pages and ${report.files} files (${mb(report.bytes)}) to ${dir} in ${seconds} s`,
        );
      },
    );
}
