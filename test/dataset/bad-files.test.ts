import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readTextFile } from '../../src/core/index.ts';
import { loadDataset } from '../../src/dataset/index.ts';
import { Judgement } from '../../src/tracker/index.ts';
import { copyDataset, MINI } from '../helpers/datasets.ts';

const PAPER = 'papers/2025-skj-08-introduction.yaml';

describe('bad dataset files are refused before parsing, each once, with file and line', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const broken = (write: (file: string) => void) => {
    dir = copyDataset(MINI);
    const file = path.join(dir, PAPER);
    write(file);
    const r = loadDataset(dir);
    expect(r.dataset).toBeUndefined();
    return { file, problems: r.problems.filter((p) => p.file === file), all: r.problems };
  };

  it('a NUL character in a string: rejected by validate with file:line', () => {
    const { file, problems } = broken((f) =>
      writeFileSync(f, readFileSync(f, 'utf8').replace('language: en', 'language: "e\0n"')),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'nul_character',
        file,
        line: 8,
        message: expect.stringContaining('NUL'),
      }),
    ]);
  });

  it('invalid UTF-8: rejected with the line, not turned into U+FFFD', () => {
    const { problems } = broken((f) => {
      const text = readFileSync(f);
      const at = text.indexOf('language: en');
      writeFileSync(
        f,
        Buffer.concat([text.subarray(0, at), Buffer.from([0x66, 0xe9, 0x0a]), text.subarray(at)]),
      );
    });
    expect(problems).toEqual([expect.objectContaining({ code: 'invalid_utf8', line: 8 })]);
  });

  it('binary garbage: one problem, not one a line', () => {
    const { problems, all } = broken((f) => writeFileSync(f, randomBytes(200_000)));
    expect(problems).toHaveLength(1);
    expect(all.length).toBeLessThan(5);
  });

  it('text that is not YAML: at most ten syntax errors and a count of the rest', () => {
    const { problems } = broken((f) => writeFileSync(f, 'a: [\n'.repeat(5000).concat('}}}\n'.repeat(5000))));
    expect(problems.length).toBeLessThanOrEqual(11);
    expect(problems.at(-1)?.message).toMatch(/more YAML errors/);
    // The count says where the errors it stands for start.
    expect(problems.at(-1)?.line).toBeGreaterThanOrEqual(problems.at(-2)?.line ?? 1);
  });

  it('a YAML alias bomb: refused, naming the file and the line of the first alias', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const { file, problems } = broken((f) => writeFileSync(f, `${levels.join('\n')}\n`));
    // Located at the first alias, on the second line.
    expect(problems).toEqual([expect.objectContaining({ code: 'yaml_alias', file, line: 2 })]);
  });

  it('a file over the size cap: refused before it is read', () => {
    const started = performance.now();
    const { problems } = broken((f) => appendFileSync(f, `note: "${'x'.repeat(9 * 1024 * 1024)}"\n`));
    expect(problems).toEqual([
      expect.objectContaining({ code: 'too_large', message: expect.stringMatching(/more than the 8388608/) }),
    ]);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('a FIFO named .yaml: refused at once instead of waiting for a writer', () => {
    const { problems } = broken((f) => {
      rmSync(f);
      execFileSync('mkfifo', [f]);
    });
    expect(problems).toEqual([expect.objectContaining({ code: 'not_a_file' })]);
  });

  it('an opinion CSV with invalid UTF-8 is refused with its line', () => {
    dir = copyDataset(MINI);
    const csv = path.join(dir, 'results.csv');
    writeFileSync(csv, Buffer.concat([Buffer.from('question,wave\nq,w\n'), Buffer.from([0xff, 0xfe, 0x0a])]));
    expect(readTextFile(csv).problem).toMatchObject({ code: 'invalid_utf8', file: csv, line: 3 });
    writeFileSync(csv, 'question,wave\n"한국",w\n');
    expect(readTextFile(csv).text).toContain('한국');
  });
});

describe('assessments dated in the future', () => {
  it('are refused wherever a judgement is read (forms, API, dataset files)', () => {
    const base = {
      implementation: 1,
      rationale: 'r',
      evidence: [{ title: 't', publisher: 'p', quote: 'q' }],
    };
    const r = Judgement.safeParse({ ...base, as_of: '2999-12-31' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['as_of'], message: 'must not be in the future' });
    expect(Judgement.safeParse({ ...base, as_of: new Date().toISOString().slice(0, 10) }).success).toBe(true);
  });
});
