import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/index.ts';
import { openYamlCache } from '../../src/dataset/yaml-cache.ts';
import { copyDataset, edit, MINI } from '../helpers/datasets.ts';

const PAPER = 'papers/2025-skj-08-introduction.yaml';

describe('the cache of parsed YAML files', () => {
  let cacheDir: string;
  let dir: string;
  beforeEach(() => {
    cacheDir = mkdtempSync(path.join(tmpdir(), 'entente-yaml-cache-'));
    dir = copyDataset(MINI);
  });
  afterEach(() => {
    rmSync(cacheDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a parsed value for the same text, and none for another', () => {
    const cache = openYamlCache(cacheDir);
    expect(cache.get('a: 1\n')).toBeUndefined();
    cache.set('a: 1\n', { a: 1, inf: Number.POSITIVE_INFINITY });
    cache.save();
    const again = openYamlCache(cacheDir);
    expect(again.get('a: 1\n')).toEqual({ value: { a: 1, inf: Number.POSITIVE_INFINITY } });
    expect(again.get('a: 2\n')).toBeUndefined();
  });

  it('keeps nothing without a folder', () => {
    const none = openYamlCache(undefined);
    none.set('a: 1\n', { a: 1 });
    none.save();
    expect(none.get('a: 1\n')).toBeUndefined();
  });

  it('loads a folder the same from the cache as by parsing it', () => {
    const parsed = loadDataset(dir);
    const first = loadDataset(dir, { cacheDir });
    expect(readdirSync(cacheDir)).toEqual([expect.stringMatching(/^yaml-values-.+\.v8$/)]);
    const cached = loadDataset(dir, { cacheDir });
    expect(cached.problems).toEqual([]);
    expect(cached).toEqual(parsed);
    expect(first).toEqual(parsed);
  });

  it('reads a changed file anew', () => {
    loadDataset(dir, { cacheDir });
    edit(path.join(dir, PAPER), '⑧ Introduction', '⑧ Introduction (revised)');
    const r = loadDataset(dir, { cacheDir });
    expect(r.dataset!.papers[0]!.title).toBe(
      '[EAI Working Paper] 2025 South Korea-Japan Partnership ⑧ Introduction (revised)',
    );
  });

  it.each([
    ['a value the schema refuses', PAPER, 'number: 8', 'number: eight', 'number', 3, 'number'],
    // The message names the line of the first use, found in the file whose value came from the cache.
    [
      'an id used twice',
      'authors.yaml',
      'id: jiyoung-ko',
      'id: ryo-sahashi',
      'authors.1.id',
      4,
      'authors.yaml:2',
    ],
  ])(
    'names the same lines for %s when the values came from the cache',
    (_, file, from, to, field, line, says) => {
      edit(path.join(dir, file), from, to);
      const parsed = loadDataset(dir).problems;
      expect(parsed).toContainEqual(
        expect.objectContaining({
          file: path.join(dir, file),
          line,
          field,
          message: expect.stringContaining(says),
        }),
      );
      loadDataset(dir, { cacheDir });
      expect(loadDataset(dir, { cacheDir }).problems).toEqual(parsed);
    },
  );
});
