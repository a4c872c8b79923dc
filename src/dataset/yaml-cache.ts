import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';

/**
 * Parsing YAML is most of what `entente validate` and a second `import` of an unchanged folder do
 * (about half a second for the bundled record). What a file parses to depends only on its text and
 * on the YAML library, so the parsed value of every file read without a YAML error is kept in the
 * cache folder under a digest of its text, and read back instead of parsed the next time. Only the
 * parsing is skipped: every value is still checked against its schema, and a file's lines are found
 * by parsing it when a problem must name one.
 */
export interface YamlCache {
  /** The value `text` parsed to before, or undefined. */
  get(text: string): { value: unknown } | undefined;
  set(text: string, value: unknown): void;
  /** Writes the cache back when this run added to it. */
  save(): void;
}

/** Files kept at most: several datasets of the bundled record's size. */
const MAX_ENTRIES = 20_000;
/** A cache file larger than this is not read (and is written anew). */
const MAX_BYTES = 64 * 1024 * 1024;

const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

/** The file of the cache, named by the YAML library's version: another version, another file. */
function cacheFile(cacheDir: string): string {
  const pkg = createRequire(import.meta.url)('yaml/package.json') as { version: string };
  return path.join(cacheDir, `yaml-values-${pkg.version}.v8`);
}

function readEntries(file: string): Map<string, unknown> {
  try {
    if (statSync(file).size > MAX_BYTES) return new Map();
    const kept = deserialize(readFileSync(file));
    return kept instanceof Map ? kept : new Map();
  } catch {
    // No cache yet, or one that cannot be read: the files are parsed, and the cache written anew.
    return new Map();
  }
}

/** The cache kept in `cacheDir`; without a folder (`ENTENTE_CACHE_DIR=off`), one that keeps nothing. */
export function openYamlCache(cacheDir: string | undefined): YamlCache {
  if (!cacheDir) return { get: () => undefined, set: () => {}, save: () => {} };
  const file = cacheFile(cacheDir);
  let entries: Map<string, unknown> | undefined;
  const kept = () => {
    entries ??= readEntries(file);
    return entries;
  };
  let added = false;
  return {
    get(text) {
      const key = digest(text);
      const map = kept();
      if (!map.has(key)) return undefined;
      const value = map.get(key);
      // Moved to the end: the entries used last are the ones kept when the cache is full.
      map.delete(key);
      map.set(key, value);
      return { value };
    },
    set(text, value) {
      kept().set(digest(text), value);
      added = true;
    },
    save() {
      if (!added || !entries) return;
      for (const key of entries.keys()) {
        if (entries.size <= MAX_ENTRIES) break;
        entries.delete(key);
      }
      // Written whole under another name and renamed: a process reading at once finds one or the other.
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(tmp, serialize(entries));
        renameSync(tmp, file);
      } catch {
        // A cache that cannot be written costs the next run its parsing, nothing else.
        rmSync(tmp, { force: true });
      }
    },
  };
}
