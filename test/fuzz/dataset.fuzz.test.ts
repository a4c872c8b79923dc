import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError, type Db } from '../../src/core/index.ts';
import { loadDataset } from '../../src/dataset/index.ts';
import { TABLES } from '../../src/dataset/tables.ts';
import { type CliSession, cliSession } from '../helpers/cli.ts';
import { copyDataset, MINI } from '../helpers/datasets.ts';
import {
  bounded,
  digestTables,
  expectLocated,
  mutateAll,
  nastyString,
  runs,
  TIMEOUT,
  textMutation,
} from './arbitraries.ts';

/**
 * Generated dataset folders: the mini fixture with one to three files damaged (bytes, YAML
 * structure, wrong types, missing and extra fields, unknown references), a file added or removed.
 * One case is one folder validated and then imported by `entente import` into a store that already
 * holds the fixture.
 */

// What a YAML line of a damaged file may become: wrong types, structure, references that lead nowhere.
const yamlValue = fc.oneof(
  nastyString,
  fc.constantFrom(
    '[1, 2]',
    '{a: 1}',
    '{}',
    '[]',
    '- x',
    '-1',
    '3.5',
    '1e3',
    '99999999999999999999',
    'null',
    '""',
    '&anchor x',
    '*anchor',
    '!!binary aGVsbG8=',
    '!!timestamp 2001-12-14',
    '2023-02-30',
    '1965-06-22',
    'KOR',
    'PRK',
    'no-such-id',
    'https://example.org/',
    'javascript:alert(1)',
    'ftp://x',
    'primary',
    '|',
    '>',
    '? x',
  ),
  fc.integer().map(String),
  fc.json({ maxDepth: 2 }),
);
const yamlLine = fc.oneof(
  yamlValue,
  fc
    .tuple(
      fc.constantFrom('id', 'title', 'extra_field', 'sources', 'date', 'quote', 'kind', 'code', 'x'),
      yamlValue,
    )
    .map(([k, v]) => `${k}: ${v}`),
  fc
    .tuple(fc.nat(6), fc.constantFrom('id', 'publisher', 'url', 'name', 'unknown'), yamlValue)
    .map(([n, k, v]) => `${' '.repeat(n)}${k}: ${v}`),
  fc.nat(6).map((n) => `${' '.repeat(n)}- ${'&a [x, *a]'}`),
);

const folderChange = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('file' as const),
      file: fc.nat(),
      mutations: fc.array(textMutation(yamlLine), { minLength: 1, maxLength: 4 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), file: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      name: fc.constantFrom(
        'papers/extra.yaml',
        'papers/notes.txt',
        'milestones/2000-01-01-x.yaml',
        'assessments/no-such-item.yaml',
        'translations/ko.yaml',
        'links.yaml',
        'surveys/.yaml',
      ),
      bytes: fc.oneof(
        yamlLine,
        fc.array(yamlLine, { maxLength: 8 }).map((ls) => ls.join('\n')),
      ),
    }),
  },
);

describe('fuzz: the dataset loader and `entente import`', () => {
  let session: CliSession;
  let db: Db;
  let dir: string;
  const originals = new Map<string, Buffer>();
  const tables = Object.values(TABLES).map((t) => t.table);

  beforeAll(async () => {
    session = cliSession('entente-fuzz-dataset-', { template: 'mini' });
    db = await session.openStore();
    dir = copyDataset(MINI);
    const walk = (d: string): string[] =>
      readdirSync(d).flatMap((n) => {
        const p = path.join(d, n);
        return statSync(p).isDirectory() ? walk(p) : n.endsWith('.yaml') ? [p] : [];
      });
    for (const f of walk(dir)) originals.set(f, readFileSync(f));
  });
  afterAll(async () => {
    await session.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Puts the folder back as the fixture has it. */
  const restore = (added: string[]) => {
    for (const a of added) rmSync(a, { force: true });
    for (const [f, b] of originals) writeFileSync(f, b);
  };

  it(
    'validates any damaged folder into a dataset or located problems, and a refused import changes no table',
    async () => {
      const files = [...originals.keys()];
      let refused = 0;
      let before: Record<string, string> | undefined;
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(folderChange, { minLength: 1, maxLength: 3 }), async (changes) => {
          const added: string[] = [];
          try {
            for (const c of changes) {
              if (c.kind === 'file') {
                const f = files[c.file % files.length]!;
                // A file removed by an earlier change stays removed.
                if (existsSync(f)) writeFileSync(f, mutateAll(readFileSync(f), c.mutations));
              } else if (c.kind === 'remove') {
                rmSync(files[c.file % files.length]!, { force: true });
                // Every file is written back before the next case.
              } else {
                const p = path.join(dir, c.name);
                try {
                  writeFileSync(p, c.bytes);
                  added.push(p);
                } catch {
                  // A folder the fixture lacks (assessments/, translations/): the change is not made.
                }
              }
            }
            const loaded = await bounded('validate', () => loadDataset(dir));
            if (loaded.dataset) expect(loaded.problems).toEqual([]);
            else {
              expect(loaded.problems.length).toBeGreaterThan(0);
              expectLocated(loaded.problems, (f) => f.startsWith(dir));
            }

            // The store changes only when a folder is imported: the digest after one case is the next one's before.
            before ??= await digestTables(db, tables);
            session.err.length = 0;
            const imported = await bounded('import', () =>
              session.entente('import', dir).then(
                () => undefined,
                (e: unknown) => e,
              ),
            );
            if (imported === undefined) {
              // Validation passed, so the import must too: a store error here would be a bad file let through.
              expect(loaded.dataset, 'imported a folder validate refused').toBeDefined();
              accepted++;
              before = undefined;
              return;
            }
            refused++;
            expect(imported).toBeInstanceOf(CliError);
            expect(
              loaded.dataset,
              `validate passed but import failed: ${(imported as Error).message}`,
            ).toBeUndefined();
            // The command lists every problem, each as file:line: field: message.
            expect(session.err.length).toBe(loaded.problems.length);
            for (const line of session.err) expect(line.startsWith(dir)).toBe(true);
            expect(await digestTables(db, tables)).toEqual(before);
          } finally {
            restore(added);
          }
        }),
        runs(40),
      );
      expect(refused + accepted).toBeGreaterThan(0);
      // What the generated folders did, for the long run's report.
      process.stdout.write(`dataset fuzz: ${refused} refused, ${accepted} imported\n`);
    },
    TIMEOUT,
  );
});
