import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Migration } from './migrate.ts';

/**
 * A new embedded store starts as a copy of a migrated empty one. Creating a PGlite cluster runs
 * `initdb` inside WebAssembly (3–5 s here); loading a copy of one takes about 1 s. The copy is the
 * same for every new folder as long as PGlite and the migrations are the same, so it is made once
 * and kept in `node_modules/.cache/entente`, named by a digest of both: a new PGlite or a new
 * migration names another file, and the old one is never read again. The copy is not compressed
 * (some 40 MB): unpacking a gzipped one took a quarter of a new store's start.
 */

/** The folder that holds the installed PGlite package, found from where Node resolves it. */
function pglitePackageDir(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(path.join(dir, 'package.json')) || !dir.endsWith(path.join('@electric-sql', 'pglite'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('Cannot find the package folder of @electric-sql/pglite');
    dir = up;
  }
  return dir;
}

/** Where copies of empty stores are kept: the cache folder of the node_modules that holds PGlite. */
export function defaultCacheDir(): string {
  return path.join(pglitePackageDir(), '..', '..', '.cache', 'entente');
}

// Gzipped copies of earlier versions (`.tar.gz`) are removed with the other old ones.
const FILE = /^empty-store-[0-9a-f]{16}\.tar(\.gz)?$/;

/** The file of the empty store made by this PGlite with these migrations. */
export function emptyStoreFile(cacheDir: string, migrations: readonly Migration[]): string {
  const pglite = readFileSync(path.join(pglitePackageDir(), 'package.json'), 'utf8');
  const digest = createHash('sha256').update(pglite);
  for (const m of migrations) digest.update(`${m.id}:${m.name}:${m.checksum}\n`);
  return path.join(cacheDir, `empty-store-${digest.digest('hex').slice(0, 16)}.tar`);
}

/** The kept copy, or undefined when there is none (or it cannot be read). */
export function readEmptyStore(file: string): Blob | undefined {
  try {
    return new Blob([readFileSync(file)]);
  } catch {
    return undefined;
  }
}

/**
 * Keeps a copy for the next new store. Written to a temporary name and renamed, so that a process
 * reading at the same time finds the whole file or none; older copies are removed. A cache that
 * cannot be written costs the next new store its few seconds, nothing else: the error is not raised.
 */
export async function keepEmptyStore(file: string, dump: Blob): Promise<void> {
  const dir = path.dirname(file);
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    const bytes = Buffer.from(await dump.arrayBuffer());
    // PGlite gzips its dump even when asked not to: the copy is kept unpacked.
    writeFileSync(tmp, bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes);
    renameSync(tmp, file);
    for (const name of readdirSync(dir)) {
      if (FILE.test(name) && name !== path.basename(file)) rmSync(path.join(dir, name), { force: true });
    }
  } catch {
    // Read-only installs keep working, at the cost of initdb for each new store.
  }
}

/** Forgets a copy that PGlite could not load, so the next new store makes a good one. */
export function forgetEmptyStore(file: string): void {
  rmSync(file, { force: true });
}
