import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { LOCALES } from '../core/i18n/index.ts';
import { CliError, SHARED_NAMESPACE } from '../core/index.ts';
import { type CliContext, DATASET_OPTION, datasetOf, withStore } from './context.ts';

/** `entente brief --party KOR --lang ko -o file.pdf`: a printable brief, as the site serves it. */
export function briefCommand(ctx: CliContext): Command {
  return new Command('brief')
    .option('--party <code>', 'the party, e.g. KOR')
    .option('--area <id>', 'the top-level issue area, e.g. economic-security-technology')
    .addOption(new Option('--lang <lang>', 'language of the brief').choices(LOCALES).default('en'))
    .option('--as-of <date>', 'the record as of this day (default: today)')
    .requiredOption('-o, --output <file>', 'the PDF file to write')
    .option(...DATASET_OPTION)
    .action(
      async (opts: {
        party?: string;
        area?: string;
        lang: string;
        asOf?: string;
        output: string;
        dataset?: string;
      }) => {
        if (Boolean(opts.party) === Boolean(opts.area)) throw new CliError('Give either --party or --area.');
        const where = opts.party
          ? `/tracker/parties/${encodeURIComponent(opts.party.toUpperCase())}/brief.pdf`
          : `/tracker/areas/${encodeURIComponent(opts.area!)}/brief.pdf`;
        const { createApp, datasetBasePath } = await import('../web/index.ts');
        const res = await withStore(ctx, async (store) => {
          const db = await datasetOf(store, opts.dataset);
          const basePath = datasetBasePath(opts.dataset ?? '', db.namespace === SHARED_NAMESPACE);
          const url = `http://localhost${basePath}${where}${opts.asOf ? `?as_of=${encodeURIComponent(opts.asOf)}` : ''}`;
          return createApp({ db, basePath }).request(url, { headers: { cookie: `lang=${opts.lang}` } });
        });
        if (res.status !== 200) {
          const text = await res.text();
          const message = /<\/h1>\s*<p>([^<]*)<\/p>/.exec(text)?.[1] ?? `status ${res.status}`;
          throw new CliError(`No brief: ${message}`);
        }
        const body = new Uint8Array(await res.arrayBuffer());
        writeFileSync(opts.output, body);
        ctx.out(`Wrote ${opts.output} (${Math.round(body.byteLength / 1024)} kB)`);
      },
    );
}
