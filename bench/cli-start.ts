/**
 * The command line as a new user meets it, each step a child process on a fresh data folder (the
 * embedded store): `node -e ''` as the baseline (starting Node itself), `entente --help`, `validate`
 * of the bundled record, a first `import` of it, a second `import` that changes nothing, and a first
 * `entente serve` to its first page. Each step is run `--runs` times, each time on its own fresh
 * folder where it must be fresh, and the median is printed.
 *
 *   node --import tsx bench/cli-start.ts [--runs 3]
 *
 * Targets (issue 13): --help ≤ 0.5 s, a second import ≤ 1.5 s, first start to first page ≤ 3 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ENTENTE, median, ROOT, runTimed, startServer } from './server-process.ts';

const { values: opts } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const RUNS = Number(opts.runs);
const BUNDLED = path.join(ROOT, 'data/korea-japan');

const timed = (args: string[], env: NodeJS.ProcessEnv) => runTimed(args, env).ms;

const fresh = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-cli-bench-'));
  return { dir, env: { ENTENTE_DATA: path.join(dir, 'data'), DATABASE_URL: '' } };
};

const steps: Record<string, number[]> = {
  "node -e ''": [],
  'entente --help': [],
  'entente validate': [],
  'entente import (first)': [],
  'entente import (second, no change)': [],
  'entente serve: start to first page': [],
};
const load0 = loadavg()[0]!;

for (let run = 0; run < RUNS; run++) {
  const { dir, env } = fresh();
  try {
    steps["node -e ''"]!.push(timed(['-e', ''], env));
    steps['entente --help']!.push(timed([ENTENTE, '--help'], env));
    steps['entente validate']!.push(timed([ENTENTE, 'validate', BUNDLED], env));
    steps['entente import (first)']!.push(timed([ENTENTE, 'import', BUNDLED], env));
    steps['entente import (second, no change)']!.push(timed([ENTENTE, 'import', BUNDLED], env));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // The first start on its own fresh folder: create the store, import the bundled record, serve.
  const first = fresh();
  try {
    const t0 = performance.now();
    const server = await startServer(first.env);
    const res = await fetch(`${server.url}/`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`first page: ${res.status}`);
    steps['entente serve: start to first page']!.push(performance.now() - t0);
    await server.stop();
  } finally {
    rmSync(first.dir, { recursive: true, force: true });
  }
}

const baseline = median(steps["node -e ''"]!);
process.stdout.write(
  `Node ${process.version}, ${RUNS} runs each, median; 1-minute load average ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}\n`,
);
console.table(
  Object.entries(steps).map(([step, xs]) => ({
    step,
    'median s': Math.round(median(xs)) / 1000,
    'runs s': xs.map((x) => (Math.round(x) / 1000).toFixed(2)).join(' '),
    'minus node s': Math.round(median(xs) - baseline) / 1000,
  })),
);
