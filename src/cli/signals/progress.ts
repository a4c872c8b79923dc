import cliProgress from 'cli-progress';
import type { CliContext } from '../context.ts';

export const mb = (bytes: number) => bytes / 1e6;

/**
 * A bar with files, rows and throughput on a terminal (not started); none elsewhere, where each file
 * gets a line instead.
 */
export function filesBar(ctx: CliContext, label: 'ingest' | 'fetch') {
  if (!ctx.interactive) return undefined;
  return new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} files | {rows} rows | {mbps} MB/s | ETA {eta_formatted}`,
      stream: process.stderr,
      // Downloads come in bursts: the ETA averages over more of them.
      etaBuffer: label === 'fetch' ? 50 : 10,
    },
    cliProgress.Presets.shades_classic,
  );
}
