import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError } from '../../src/core/index.ts';
import { type CliSession, cliSession } from '../helpers/cli.ts';
import { edit } from '../helpers/datasets.ts';

let session: CliSession;
let scratch: string;
beforeEach(() => {
  session = cliSession('entente-init-');
  scratch = mkdtempSync(path.join(tmpdir(), 'entente-init-dir-'));
});
afterEach(async () => {
  await session.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

const yamlFilesOf = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .sort();

describe('entente init', () => {
  it('writes one example of each file kind that validates as written, and says what to do next', async () => {
    const dir = path.join(scratch, 'japan-philippines');
    await session.entente('init', dir);
    expect(yamlFilesOf(dir)).toEqual([
      'assessments/example-commitment.yaml',
      'authors.yaml',
      'dataset.yaml',
      'issue-areas.yaml',
      'links.yaml',
      'milestones/example-milestone.yaml',
      'papers/example-paper.yaml',
      'parties.yaml',
      'programs/example-program.yaml',
      'surveys/example-survey.yaml',
      'translations/ko.yaml',
    ]);
    expect(session.out[0]).toBe(
      `${dir}: a new dataset "japan-philippines" with 11 example files and their JSON Schemas (.schemas/)`,
    );
    expect(session.out.join('\n')).toContain(`entente validate ${dir}`);
    expect(session.out.join('\n')).toContain(`entente import ${dir}`);
    expect(readFileSync(path.join(dir, 'dataset.yaml'), 'utf8')).toContain('\nid: japan-philippines\n');

    session.out.length = 0;
    await session.entente('validate', dir);
    expect(session.out).toEqual([`${dir}: 11 files, no problems`]);
  });

  it('points every file at its JSON Schema on its first line, and marks every example and placeholder', async () => {
    const dir = path.join(scratch, 'new');
    await session.entente('init', dir);
    for (const f of yamlFilesOf(dir)) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      const first = text.split('\n')[0]!;
      const [, schema] = first.match(/^# yaml-language-server: \$schema=(\S+)$/) ?? [];
      expect(schema, `${f}: first line`).toBeDefined();
      expect(existsSync(path.resolve(path.dirname(path.join(dir, f)), schema!)), `${f} → ${schema}`).toBe(
        true,
      );
      expect(text, f).toContain('# EXAMPLE: every value in this file is an example');
      for (const [, url] of text.matchAll(/url: (\S+)/g))
        expect(new URL(url!).hostname, f).toBe('example.org');
    }
    expect(readdirSync(path.join(dir, '.schemas')).sort()).toEqual(readdirSync('schemas').sort());
  });

  it('init → edit → validate → import works from a fresh folder, and validate names file:line: field past the schema line', async () => {
    const dir = path.join(scratch, 'trilateral');
    await session.entente('init', dir);
    const paper = path.join(dir, 'papers/example-paper.yaml');
    edit(paper, 'title: "Example: a working paper"', 'titel: "A trilateral working paper"');
    session.out.length = 0;
    await expect(session.entente('validate', dir)).rejects.toThrow(CliError);
    const line = readFileSync(paper, 'utf8').split('\n').indexOf('titel: "A trilateral working paper"') + 1;
    expect(line).toBeGreaterThan(1);
    expect(session.err).toEqual([`${paper}:${line}: titel: unknown field "titel" (check its spelling)`]);

    edit(paper, 'titel:', 'title:');
    session.err.length = 0;
    await session.entente('validate', dir);
    await session.entente('import', dir);
    expect(session.out.at(-1)).toMatch(
      new RegExp(`^${dir}: imported as dataset [a-z0-9-]+ \\(the default dataset; \\d+ rows written\\)$`),
    );

    const db = await session.openStore();
    try {
      const rows = await db.query<{ title: string }>('SELECT title FROM papers WHERE id = $1', [
        'example-paper',
      ]);
      expect(rows).toEqual([{ title: 'A trilateral working paper' }]);
    } finally {
      await db.close();
    }
    // Two openings of a fresh embedded store (each runs every migration) on a shared machine.
  }, 240_000);

  it('refuses a folder that is not empty and writes nothing', async () => {
    const dir = path.join(scratch, 'taken');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'notes.txt'), 'mine\n');
    const e = await session.entente('init', dir).catch((x) => x);
    expect(e).toBeInstanceOf(CliError);
    expect(e.message).toBe(
      `${dir} is not empty (1 entry); nothing was written. Choose a new or empty folder.`,
    );
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    const file = path.join(dir, 'notes.txt');
    await expect(session.entente('init', file)).rejects.toThrow(
      `${file} is a file, not a folder; nothing was written.`,
    );
  });

  it('writes into an empty folder, takes --id, and refuses an id that is not one', async () => {
    const dir = path.join(scratch, 'Empty Folder');
    mkdirSync(dir);
    await expect(session.entente('init', dir, '--id', 'Not An Id')).rejects.toThrow(
      /--id Not An Id: must be/,
    );
    expect(readdirSync(dir)).toEqual([]);
    await session.entente('init', dir);
    expect(readFileSync(path.join(dir, 'dataset.yaml'), 'utf8')).toContain('\nid: empty-folder\n');
    const other = path.join(scratch, 'other');
    await session.entente('init', other, '--id', 'us-japan-korea');
    expect(readFileSync(path.join(other, 'dataset.yaml'), 'utf8')).toContain('\nid: us-japan-korea\n');
  });
});

describe('entente schemas', () => {
  it('writes the same JSON Schemas as the committed schemas/', async () => {
    const dir = path.join(scratch, 'out');
    await session.entente('schemas', dir);
    expect(session.out).toEqual([`${dir}: 11 JSON Schemas written`]);
    for (const name of readdirSync('schemas')) {
      expect(readFileSync(path.join(dir, name), 'utf8')).toBe(
        readFileSync(path.join('schemas', name), 'utf8'),
      );
    }
  });
});
