import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/gdelt/', import.meta.url));
export const fixture = (p: string) => join(FIXTURES, p);

/** Lines of a file counted independently of the code under test: LF bytes, plus an unterminated tail. */
export function countLines(path: string): number {
  const b = readFileSync(path);
  let n = 0;
  for (const byte of b) if (byte === 0x0a) n++;
  return b.length > 0 && b[b.length - 1] !== 0x0a ? n + 1 : n;
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'entente-signals-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
