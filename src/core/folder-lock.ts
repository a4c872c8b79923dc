import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { CliError } from './errors.ts';

/** Whether a process with this id is running (on this machine). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const holderOf = (file: string): number | undefined => {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Takes the lock of an embedded store's folder: a file beside it holding this process's id,
 * created only if absent, so that of two processes exactly one opens the folder. PGlite is a
 * single-process database: a second process writing the same files loses writes. A lock left by a
 * process that is gone is taken over. Returns the function that releases it.
 */
export function lockFolder(dir: string): () => void {
  const file = `${dir}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      const release = () => {
        process.off('exit', release);
        if (holderOf(file) === process.pid) unlinkSync(file);
      };
      process.on('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = holderOf(file);
      if (pid !== undefined && running(pid)) {
        const who = pid === process.pid ? 'this process' : `process ${pid}`;
        throw new CliError(
          `The embedded store in ${dir} is in use by ${who} (probably \`entente serve\`); two processes on one embedded store lose writes. Stop that process and run the command again, or keep the records in PostgreSQL (set DATABASE_URL) so that the server and the CLI can share them. If no such process is running, delete ${file}.`,
        );
      }
      // Left by a process that ended without releasing it (a kill, a crash): take it over.
      try {
        unlinkSync(file);
      } catch {
        // Another process took it over first; try again.
      }
    }
  }
  throw new CliError(`Could not take the lock ${file}; another process keeps taking it. Try again.`);
}
