import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ENTENTE = path.join(ROOT, 'bin/entente.js');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Milliseconds from the spawn to the line announcing the address. */
  startedMs: number;
  stop: () => Promise<void>;
}

/**
 * Starts `entente serve` as a child process, as a user would (through bin/entente.js), and resolves
 * once it announces its address: the server measured never shares a process with the load.
 */
export function startServer(
  env: NodeJS.ProcessEnv,
  args: string[] = [],
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, ENTENTE, 'serve', '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      stdout += d;
      const m = /serving on (http:\/\/[\d.]+:\d+)\//.exec(stdout);
      if (m) resolve({ child, url: m[1]!, startedMs: performance.now() - t0, stop });
    });
    child.once('exit', (code) => reject(new Error(`entente serve exited with ${code}: ${stderr}`)));
  });
}

/** The median of some timings. */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Runs `node <args>` in the project folder to its end, as a user would; milliseconds from spawn to
 * exit, and what it printed. A failure stops the benchmark with the command's own message.
 */
export function runTimed(args: string[], env: NodeJS.ProcessEnv = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout, stderr: r.stderr };
}
