import { CliError } from '../core/index.ts';
import { defaultContext } from './context.ts';
import { buildProgram } from './program.ts';

const ctx = defaultContext();
const program = buildProgram(ctx);
program.exitOverride();

try {
  await program.parseAsync(process.argv);
} catch (e) {
  const err = e as { code?: string; exitCode?: number };
  if (typeof err.code === 'string' && err.code.startsWith('commander.')) {
    // commander has already printed help or its own message.
    process.exitCode = err.exitCode ?? 1;
  } else if (e instanceof CliError) {
    ctx.err(`entente: ${e.message}`);
    process.exitCode = e.exitCode;
  } else {
    ctx.err(`entente: unexpected error: ${(e as Error).message ?? e}`);
    if (program.opts().debug) ctx.err(String((e as Error).stack));
    else ctx.err('Run again with --debug to see the stack trace, and report it if it persists.');
    process.exitCode = 1;
  }
}
