import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Modules meet at their public surface: a file of one module imports another module only through
 * its `index.ts` or one of the light entry points below (what the other side needs without loading
 * the whole module). Inside `src/web`, each folder is a module of the site in the same way, and the
 * pieces several of them share sit in `src/web` itself.
 */
const ENTRIES: Record<string, string[]> = {
  core: ['index.ts', 'i18n/index.ts', 'backup/index.ts'],
  // What the dataset files are checked against, without the queries and the workflow.
  tracker: ['index.ts', 'schema.ts'],
  opinion: ['index.ts', 'schema.ts'],
  publications: ['index.ts', 'schema.ts'],
};
const WEB_ENTRIES = ['index.ts', 'index.tsx'];

const SRC = path.resolve('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** The module of a file: its folder under src, and under src/web its folder there ('' for shared pieces). */
function moduleOf(file: string): { name: string; rest: string } {
  const parts = path.relative(SRC, file).split(path.sep);
  if (parts[0] === 'web' && parts.length > 2)
    return { name: `web/${parts[1]}`, rest: parts.slice(2).join('/') };
  if (parts[0] === 'web') return { name: 'web', rest: parts.slice(1).join('/') };
  return { name: parts[0]!, rest: parts.slice(1).join('/') };
}

function reachesPast(from: string, to: string): boolean {
  const a = moduleOf(from);
  const b = moduleOf(to);
  if (a.name === b.name) return false;
  const [topA] = a.name.split('/');
  const [topB] = b.name.split('/');
  if (topA !== topB) return !(ENTRIES[topB!] ?? ['index.ts']).includes(topB === 'web' ? 'index.ts' : b.rest);
  // Two parts of the site: a folder's own pieces stay inside it; shared pieces are open to all.
  if (b.name === 'web') return false;
  return !WEB_ENTRIES.includes(b.rest);
}

function crossings(): string[] {
  return sourceFiles(SRC).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return ts
      .preProcessFile(text, true, true)
      .importedFiles.filter((f) => f.fileName.startsWith('.'))
      .map((f) => path.resolve(path.dirname(file), f.fileName))
      .filter((target) => target.startsWith(`${SRC}${path.sep}`) && reachesPast(file, target))
      .map((target) => `${path.relative(SRC, file)} → ${path.relative(SRC, target)}`);
  });
}

describe('module boundaries', () => {
  it('no import reaches past another module’s entry points', () => {
    expect(crossings()).toEqual([]);
  });

  it('the check sees a crossing when there is one', () => {
    expect(reachesPast(`${SRC}/dataset/load.ts`, `${SRC}/tracker/workflow.ts`)).toBe(true);
    expect(reachesPast(`${SRC}/web/tracker/item-page.tsx`, `${SRC}/web/accounts/auth.ts`)).toBe(true);
    expect(reachesPast(`${SRC}/web/tracker/item-page.tsx`, `${SRC}/web/i18n.ts`)).toBe(false);
    expect(reachesPast(`${SRC}/dataset/load.ts`, `${SRC}/tracker/schema.ts`)).toBe(false);
    expect(reachesPast(`${SRC}/cli/serve.ts`, `${SRC}/web/index.ts`)).toBe(false);
  });
});
