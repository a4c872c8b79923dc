import { Command } from 'commander';
import { migrate } from '../core/index.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { briefCommand } from './brief.ts';
import { buildCommand } from './build.ts';
import { type CliContext, withStore } from './context.ts';
import { exportCommand, importCommand, validateCommand } from './dataset-commands.ts';
import { initCommand, schemasCommand } from './init.ts';
import { opinionCommand } from './opinion-commands.ts';
import { scoresCommand } from './scores.ts';
import { serveCommand } from './serve.ts';
import { signalsCommand } from './signals.ts';
import { usersCommand } from './users.ts';

/** The `entente` command with all its subcommands, bound to a context. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('entente')
    .description(
      'Entente: an observatory for partnerships between nations — publications, tracked recommendations and commitments, opinion and event signals.',
    )
    .option('--debug', 'print stack traces of unexpected errors')
    .showHelpAfterError()
    .addHelpText(
      'after',
      '\nEnvironment:\n  DATABASE_URL     PostgreSQL connection string (default: embedded store in ENTENTE_DATA)\n  ENTENTE_DATA     folder of the embedded store (default: ./.entente)\n  ENTENTE_SIGNALS  signals warehouse file (default: $ENTENTE_DATA/signals.duckdb)\n  PORT             port of `entente serve` (default: 3000)\n  ENTENTE_PUBLIC_URL  the address readers reach the site at, for citations',
    );

  program.addCommand(serveCommand(ctx));
  program.addCommand(importCommand(ctx));
  program.addCommand(exportCommand(ctx));
  program.addCommand(validateCommand(ctx));
  program.addCommand(initCommand(ctx));
  program.addCommand(schemasCommand(ctx));
  program.addCommand(usersCommand(ctx));
  program.addCommand(signalsCommand(ctx));
  program.addCommand(opinionCommand(ctx));
  program.addCommand(scoresCommand(ctx));
  program.addCommand(buildCommand(ctx));
  program.addCommand(briefCommand(ctx));
  program.addCommand(backupCommand(ctx));
  program.addCommand(restoreCommand(ctx));

  const db = new Command('db').description('Records store administration');
  db.command('migrate')
    .description('Apply pending schema migrations to the records store')
    .action(async () => {
      // Opening the store migrates it; report what that did.
      await withStore({ ...ctx, openStore: ctx.openStore }, async (store) => {
        const r = await migrate(store);
        ctx.out(
          r.applied.length === 0 ? 'The store schema is up to date.' : `Applied: ${r.applied.join(', ')}`,
        );
      });
    });
  program.addCommand(db);
  return program;
}
