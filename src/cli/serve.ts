import { serve } from '@hono/node-server';
import { Command } from 'commander';
import { CliError, formatProblem } from '../core/index.ts';
import { importDataset, loadDataset } from '../dataset/index.ts';
import { refreshSearchIndex } from '../search/index.ts';
import { BUNDLED_DATASET } from './bundled.ts';
import type { CliContext } from './context.ts';

export { BUNDLED_DATASET };

export function serveCommand(ctx: CliContext): Command {
  return new Command('serve')
    .description('Serve the site and the API; on first start, import the bundled Korea–Japan record')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (opts: { port?: string; host: string }) => {
      const port = opts.port === undefined ? ctx.config.port : Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(`--port must be a port number, got "${opts.port}"`);
      const started = performance.now();
      // The site's code is loaded when it is needed, so that other commands start at once.
      const [{ createApp }, { fileWarehouse, signalsPlugins }] = await Promise.all([
        import('../web/index.ts'),
        import('../web/signals/index.ts'),
      ]);
      const db = await ctx.openStore();
      const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM datasets')) as [
        { n: number },
      ];
      if (n === 0) {
        ctx.err(`First start: importing the bundled record from ${BUNDLED_DATASET}`);
        const loaded = loadDataset(BUNDLED_DATASET);
        if (!loaded.dataset) {
          await db.close();
          for (const p of loaded.problems) ctx.err(formatProblem(p));
          throw new CliError('The bundled dataset is invalid; see the problems above.');
        }
        const report = await importDataset(db, loaded.dataset);
        await refreshSearchIndex(db);
        ctx.err(`Imported ${report.changes} rows in ${Math.round(performance.now() - started)} ms`);
      }
      const app = createApp({
        db,
        accounts: { trustProxy: ctx.config.trustProxy },
        baseUrl:
          ctx.config.baseUrl ?? `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`,
        publicUrl: ctx.config.publicUrl ?? ctx.config.baseUrl,
        ...signalsPlugins(db, fileWarehouse(ctx.config.signalsPath)),
        cache: { maxBytes: ctx.config.cacheMb * 2 ** 20 },
      });
      const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info) => {
        ctx.out(
          `Entente is serving on http://${opts.host}:${info.port}/ (${db.driver === 'pg' ? 'PostgreSQL' : `embedded store in ${ctx.config.dataDir}`})`,
        );
      });
      const stop = () => {
        server.close();
        void db.close().finally(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
