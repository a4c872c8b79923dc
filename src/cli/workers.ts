import cluster, { type Worker } from 'node:cluster';
import { CliError } from '../core/index.ts';

export interface WorkersOptions {
  count: number;
  host: string;
  out: (line: string) => void;
  err: (line: string) => void;
  /** How long workers get to finish after SIGTERM before they are killed. @default 10 s */
  graceMs?: number;
}

/** Reads `--workers`: a whole number of server processes, at least 1. */
export function workerCount(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 256)
    throw new CliError(`--workers must be a whole number from 1 to 256, got "${value}"`);
  return n;
}

/**
 * Runs `count` copies of this command as workers of one cluster (node:cluster): they share the
 * port, and the connections are handed to them in turn. Every worker opens the same PostgreSQL
 * database, where sessions, login counts and the change number the read cache checks are kept, so
 * that any worker answers any request alike.
 *
 * A worker that dies is replaced; one that dies before it ever listened stops the whole server
 * (whatever stopped it, such as an unreachable database, would stop the next one too). SIGTERM or
 * SIGINT stops every worker and then this process. Resolves when all have stopped.
 */
export function superviseWorkers(o: WorkersOptions): Promise<void> {
  const graceMs = o.graceMs ?? 10_000;
  const listening = new Set<number>();
  let announced = false;
  let stopping = false;
  let failure: CliError | undefined;

  const start = () => cluster.fork();

  return new Promise((resolve, reject) => {
    const finish = () => {
      if (Object.keys(cluster.workers ?? {}).length > 0) return;
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      if (failure) reject(failure);
      else resolve();
    };

    const stop = () => {
      if (stopping) return;
      stopping = true;
      const left = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      for (const w of left) w.process.kill('SIGTERM');
      // A worker stuck on a slow request must not keep the server from stopping.
      setTimeout(() => {
        for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
      }, graceMs).unref();
      finish();
    };

    cluster.on('listening', (worker, address) => {
      const pid = worker.process.pid ?? 0;
      listening.add(pid);
      if (announced) {
        o.err(`A new worker (process ${pid}) is serving.`);
      } else if (listening.size === o.count) {
        announced = true;
        const pids = [...listening].join(', ');
        o.out(
          `Entente is serving on http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${address.port}/ (PostgreSQL, ${o.count} worker processes: ${pids})`,
        );
      }
    });

    cluster.on('exit', (worker, code, signal) => {
      const pid = worker.process.pid ?? 0;
      const how = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
      const hadListened = listening.delete(pid);
      if (stopping) return finish();
      if (!hadListened) {
        failure = new CliError(
          `A worker (process ${pid}) ${how} before it started serving; see its message above. Fix that and start again.`,
        );
        return stop();
      }
      o.err(`Worker process ${pid} ${how}; starting another.`);
      start();
    });

    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    for (let i = 0; i < o.count; i++) start();
  });
}
