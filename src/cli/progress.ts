import cliProgress from 'cli-progress';
import type { CliContext } from './context.ts';

/** A progress display: a bar on a terminal, a few plain lines elsewhere (logs stay readable). */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export function progress(ctx: CliContext, label: string): Progress {
  if (ctx.interactive) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted}`,
        stream: process.stderr,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total) {
        if (!started) bar.start(total, 0);
        started = true;
        bar.setTotal(total);
        bar.update(done);
      },
      stop: () => bar.stop(),
    };
  }
  let lastDecile = -1;
  return {
    update(done, total) {
      const decile = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (decile !== lastDecile) ctx.err(`${label}: ${done}/${total}`);
      lastDecile = decile;
    },
    stop() {},
  };
}
