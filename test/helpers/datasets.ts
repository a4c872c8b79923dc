import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Dataset, loadDataset } from '../../src/dataset/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BUNDLED = path.join(ROOT, 'data/korea-japan');
/** The second bundled partnership, the U.S.–Japan–ROK record. */
export const TRILATERAL = path.join(ROOT, 'data/us-japan-korea');
export const MINI = path.join(ROOT, 'test/fixtures/datasets/mini');

/** Loads a dataset folder that must be valid; fails the test with every problem otherwise. */
export function mustLoad(dir: string): Dataset {
  const r = loadDataset(dir);
  if (!r.dataset)
    throw new Error(`${dir} is invalid:\n${r.problems.map((p) => JSON.stringify(p)).join('\n')}`);
  return r.dataset;
}

/** A scratch copy of a dataset folder, to break or change. */
export function copyDataset(dir: string): string {
  const to = mkdtempSync(path.join(tmpdir(), 'entente-ds-'));
  cpSync(dir, to, { recursive: true });
  return to;
}

/** Replaces the first occurrence of `from` in a file, failing if it is not there. */
export function edit(file: string, from: string, to: string) {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  writeFileSync(file, text.replace(from, to));
}

/** Every YAML file of a dataset folder (READMEs and other files left out), relative path → text. */
export function yamlFilesOf(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.yaml')) out.set(path.relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}
