import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError } from '../../core/index.ts';

const DATA_FILE = /\.(csv|txt|zip)$/i;

/**
 * Files named on the command line, folders expanded (recursively) to the files inside that may be
 * GDELT files (.csv, .txt, .zip); the other files of those folders are `ignored`. Hidden files are
 * passed over.
 */
export async function expand(
  paths: string[],
  inFolder = false,
): Promise<{ files: string[]; ignored: string[] }> {
  const files: string[] = [];
  const ignored: string[] = [];
  for (const p of paths) {
    let s: Awaited<ReturnType<typeof stat>>;
    try {
      s = await stat(p);
    } catch {
      throw new CliError(`${p}: no such file or folder`);
    }
    if (s.isDirectory()) {
      const names = (await readdir(p)).sort().filter((n) => !n.startsWith('.'));
      const inside = await expand(
        names.map((n) => join(p, n)),
        true,
      );
      files.push(...inside.files);
      ignored.push(...inside.ignored);
    } else if (!inFolder || DATA_FILE.test(p)) files.push(p);
    else ignored.push(p);
  }
  return { files, ignored };
}
