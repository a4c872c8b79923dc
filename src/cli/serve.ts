import cluster from 'node:cluster';
import { serve } from '@hono/node-server';
import { Command } from 'commander';
import { CliError } from '../core/index.ts';
import { BUNDLED_DATASET, importBundled } from './bundled.ts';
import type { CliContext } from './context.ts';
import { superviseWorkers, workerCount } from './workers.ts';

export { BUNDLED_DATASET };

export function serveCommand(ctx: CliContext): Command {
  return new Command('serve')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option(
      '--workers <n>',
      'server processes sharing the port, all on one PostgreSQL database (DATABASE_URL); the embedded ' +
        'store takes only 1. A write committed through one is seen by the next request to any. A worker ' +
        'that dies is restarted; SIGTERM or Ctrl-C stops them all',
      '1',
    )
    .action(async (opts: { port?: string; host: string; workers: string }) => {
      const port = opts.port === undefined ? ctx.config.port : Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(`--port must be a port number, got "${opts.port}"`);
      const workers = workerCount(opts.workers);
      if (workers > 1 && !ctx.config.databaseUrl)
        throw new CliError(
          `--workers ${workers} needs PostgreSQL: the embedded store in ${ctx.config.dataDir} is locked by the one process that opens it (two processes on it would lose writes). Set DATABASE_URL to a PostgreSQL database to run several workers, or leave out --workers.`,
        );
      if (workers > 1 && cluster.isPrimary) {
        // Migrations and the first import run once, here, before any worker opens the database.
        const db = await ctx.openStore();
        try {
          await importBundled(ctx, db, 'First start');
        } finally {
          await db.close();
        }
        return superviseWorkers({ count: workers, host: opts.host, out: ctx.out, err: ctx.err });
      }
      // The site's code is loaded when it is needed, so that other commands start at once; it loads
      // while the store opens, since each of the two spends part of its time waiting on the other's work.
      const site = Promise.all([import('../web/index.ts'), import('../web/signals/index.ts')]);
      site.catch(() => {});
      const db = await ctx.openStore();
      let loaded: Awaited<typeof site>;
      try {
        await importBundled(ctx, db, 'First start');
        loaded = await site;
      } catch (e) {
        await db.close();
        throw e;
      }
      const [{ createSite }, { fileWarehouse, signalsPlugins }] = loaded;
      const warehouse = fileWarehouse(ctx.config.signalsPath);
      const app = await createSite({
        db,
        accounts: { trustProxy: ctx.config.trustProxy },
        baseUrl:
          ctx.config.baseUrl ?? `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`,
        publicUrl: ctx.config.publicUrl ?? ctx.config.baseUrl,
        perDataset: (dataset) => signalsPlugins(dataset, warehouse),
        cache: { maxBytes: ctx.config.cacheMb * 2 ** 20 },
      });
      const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info) => {
        // A worker's address is announced by the process that started the workers.
        if (cluster.isWorker) return;
        ctx.out(
          `Entente is serving on http://${opts.host}:${info.port}/ (${db.driver === 'pg' ? 'PostgreSQL' : `embedded store in ${ctx.config.dataDir}`})`,
        );
      });
      const stop = () => {
        server.close();
        void db.close().finally(() => process.exit(0));
      };
      // Ctrl-C reaches every process of the terminal; a worker leaves it to the process that started
      // it, which stops the workers with SIGTERM, so that none is taken for dead and started again.
      if (cluster.isWorker) process.on('SIGINT', () => {});
      else process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
