import { Command } from 'commander';
import { type CliContext, defaultContext } from './context.ts';
import { fetchCommand } from './signals/fetch.ts';
import { ingestCommand } from './signals/ingest.ts';
import { exportCommand, indexCommand, quarantineCommand, statusCommand } from './signals/reading.ts';

/** `entente signals ingest | index | status | quarantine | export | fetch`. */
export function signalsCommand(ctx: CliContext = defaultContext()): Command {
  const signals = new Command('signals').addHelpText(
    'after',
    `\nThe warehouse is ENTENTE_SIGNALS (default: $ENTENTE_DATA/signals.duckdb).`,
  );
  for (const command of [
    ingestCommand,
    indexCommand,
    statusCommand,
    quarantineCommand,
    exportCommand,
    fetchCommand,
  ])
    signals.addCommand(command(ctx));
  return signals;
}
