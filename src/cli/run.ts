import type { Command } from 'commander';
import { CliError } from '../core/index.ts';
import type { CliContext } from './context.ts';
import { buildProgram } from './program.ts';

/** Exit code of a command line that asks for something the command does not have or take. */
export const USAGE = 2;

/** Edit distance (insertions, deletions, substitutions and swaps of neighbours) between two words. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The names closest to a mistyped one: those it begins, or those within a third of its length in
 * edits (at most 3); the nearest first.
 *
 * @example nearest('valdate', ['validate', 'serve']) // ['validate']
 */
export function nearest(word: string, names: readonly string[]): string[] {
  const scored = names
    .map((name) => ({ name, d: name.startsWith(word) ? 0 : distance(word, name) }))
    .filter(({ d }) => d <= Math.min(3, Math.max(1, Math.floor(word.length / 3))));
  const best = Math.min(...scored.map((s) => s.d));
  return scored.filter((s) => s.d === best).map((s) => s.name);
}

/**
 * Refuses a word that names no command where a command is expected (`entente valdate`,
 * `entente signals injest --help`), before commander would print a group's help and exit 0 for it.
 * Groups (commands with subcommands) take flags only, so the first word that is not a flag names
 * the subcommand.
 */
export function checkCommandNames(program: Command, args: readonly string[]) {
  let group = program;
  for (const arg of args) {
    if (arg === '--') return;
    if (arg.startsWith('-')) continue;
    if (group.commands.length === 0 || arg === 'help') return;
    const sub = group.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
    if (!sub) {
      const names = group.commands.map((c) => c.name());
      const close = nearest(arg, names);
      const path: string[] = [];
      for (let c: Command | null = group; c; c = c.parent) path.unshift(c.name());
      const full = (name: string) => `'${[...path.slice(1), name].join(' ')}'`;
      const hint = close.length > 0 ? `; did you mean ${close.map(full).join(' or ')}?` : '.';
      throw new CliError(
        `unknown command ${full(arg)}${hint} \`${path.join(' ')} --help\` lists the commands.`,
        USAGE,
      );
    }
    group = sub;
  }
}

/**
 * Runs the `entente` command line (`argv` as in `process.argv`) and returns the exit code: 0, 1 for
 * a failure, 2 for a usage error (unknown command or option, impossible value). Expected failures
 * print one clean line; unexpected ones suggest `--debug` for the stack trace.
 */
export async function runCli(ctx: CliContext, argv: readonly string[]): Promise<number> {
  const program = await buildProgram(ctx, argv.slice(2));
  // Commands added with addCommand inherit neither setting: without exitOverride on each, commander
  // would end the process itself (exit 1) on a missing argument of a subcommand; its help and
  // messages go where the context's output goes.
  const line = (write: (l: string) => void) => (s: string) => write(s.replace(/\n$/, ''));
  const override = (c: Command) => {
    c.exitOverride().configureOutput({ writeOut: line(ctx.out), writeErr: line(ctx.err) });
    c.commands.forEach(override);
  };
  override(program);
  try {
    checkCommandNames(program, argv.slice(2));
    await program.parseAsync([...argv]);
    return 0;
  } catch (e) {
    const err = e as { code?: string; exitCode?: number };
    if (typeof err.code === 'string' && err.code.startsWith('commander.')) {
      // commander has already printed help or its own message; what it refuses is usage.
      return err.exitCode === 0 ? 0 : USAGE;
    }
    if (e instanceof CliError) {
      ctx.err(`entente: ${e.message}`);
      return e.exitCode;
    }
    ctx.err(`entente: unexpected error: ${(e as Error).message ?? e}`);
    if (program.opts().debug) ctx.err(String((e as Error).stack));
    else ctx.err('Run again with --debug to see the stack trace, and report it if it persists.');
    return 1;
  }
}
