import { defaultContext } from './context.ts';
import { runCli } from './run.ts';

// Output piped into a reader that stops early (`entente --help | head`) ends quietly: the reader
// has what it wanted, and a write to the closed pipe is no error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}

process.exitCode = await runCli(defaultContext(), process.argv);
