import { Command } from 'commander';
import { migrate } from '../core/index.ts';
import { type CliContext, withStore } from './context.ts';

/** Builds one command of `entente`. */
type CommandFactory = (ctx: CliContext) => Command;

/**
 * The commands of `entente`, each with its description (the line `entente --help` lists, and the
 * head of the command's own help) and the module that builds the rest of it. Only the module of the
 * command being run is loaded, so that `--help` and a command that needs little do not pay for the
 * others (the site, DuckDB, Chromium).
 */
export const COMMANDS: { name: string; summary: string; load: () => Promise<CommandFactory> }[] = [
  {
    name: 'serve',
    summary:
      'Serve the site and the API; on first start, import the bundled Korea–Japan and trilateral records',
    load: async () => (await import('./serve.ts')).serveCommand,
  },
  {
    name: 'import',
    summary: 'Import a dataset folder into the records store (idempotent: a second run changes nothing)',
    load: async () => (await import('./dataset-commands.ts')).importCommand,
  },
  {
    name: 'export',
    summary: 'Write the records store as a dataset folder, in the layout `import` reads',
    load: async () => (await import('./dataset-commands.ts')).exportCommand,
  },
  {
    name: 'validate',
    summary:
      'Check a dataset folder (by default the bundled Korea–Japan record): every file against its schema, every reference, every id',
    load: async () => (await import('./dataset-commands.ts')).validateCommand,
  },
  {
    name: 'init',
    summary: 'Write a new dataset folder: one example of each file, and JSON Schemas for editors',
    load: async () => (await import('./init.ts')).initCommand,
  },
  {
    name: 'schemas',
    summary: "Write the JSON Schema of every kind of dataset file, generated from Entente's schemas",
    load: async () => (await import('./init.ts')).schemasCommand,
  },
  {
    name: 'users',
    summary: 'Accounts of contributors, editors and admins (readers need none)',
    load: async () => (await import('./users.ts')).usersCommand,
  },
  {
    name: 'signals',
    summary: 'GDELT event signals: the DuckDB warehouse, dyad indices and the GDELT fetcher',
    load: async () => (await import('./signals.ts')).signalsCommand,
  },
  {
    name: 'opinion',
    summary: 'Survey series: import results',
    load: async () => (await import('./opinion-commands.ts')).opinionCommand,
  },
  {
    name: 'scores',
    summary: 'Recompute every score of the tracker from the record in the store, as the pages show it',
    load: async () => (await import('./scores.ts')).scoresCommand,
  },
  {
    name: 'build',
    summary:
      'Write the public site as static files (every page in en/ko/ja, downloads, charts, API answers as JSON, a Pagefind search) for any static host',
    load: async () => (await import('./build.ts')).buildCommand,
  },
  {
    name: 'brief',
    summary:
      "Print a party's scorecard or an issue area's items as a PDF brief (through Chromium's print engine)",
    load: async () => (await import('./brief.ts')).briefCommand,
  },
  {
    name: 'backup',
    summary:
      'Write the whole records store — records, assessments with their history, users, hashed tokens, audit log, versions — to one file',
    load: async () => (await import('./backup.ts')).backupCommand,
  },
  {
    name: 'restore',
    summary: 'Restore a backup into an empty records store (all of it, or nothing if any part is refused)',
    load: async () => (await import('./backup.ts')).restoreCommand,
  },
];

/** The command a command line runs (`entente help <command>` runs that command's help). */
function commandOf(args: readonly string[]): string | undefined {
  const words = args.filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/**
 * The `entente` command bound to a context, for the command line `args` (without `node entente`):
 * the command it runs is built whole, the others only as far as the root help lists them.
 */
export async function buildProgram(ctx: CliContext, args: readonly string[] = []): Promise<Command> {
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

  const wanted = commandOf(args);
  for (const c of COMMANDS) {
    const command = c.name === wanted ? (await c.load())(ctx) : new Command(c.name);
    program.addCommand(command.description(c.summary));
  }

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
