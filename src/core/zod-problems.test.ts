import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { problemsFromZod } from './zod-problems.ts';

const Row = z.strictObject({
  id: z.string().min(1),
  tags: z.array(z.enum(['a', 'b'])),
  source: z.object({ url: z.url() }),
});
const issues = (input: unknown) => {
  const r = Row.safeParse(input);
  if (r.success) throw new Error('expected issues');
  return r.error.issues;
};

describe('problemsFromZod', () => {
  it("gives one problem per issue with zod's code, the dotted field and zod's message", () => {
    const problems = problemsFromZod(issues({ id: '', tags: ['a', 'c'], source: { url: 'nope' } }));
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['too_small', 'id'],
      ['invalid_value', 'tags.1'],
      ['invalid_format', 'source.url'],
    ]);
    for (const p of problems) expect(p.message).toMatch(/\S/);
    expect(problems[0]).not.toHaveProperty('file');
  });

  it('leaves the field out for the input as a whole', () => {
    expect(problemsFromZod(issues('not an object'))).toEqual([
      { code: 'invalid_type', message: expect.any(String) },
    ]);
  });

  it('names the file, the line of each field and a prefix when asked', () => {
    const [p] = problemsFromZod(issues({ id: '', tags: [], source: { url: 'https://x.org' } }), {
      file: 'rows.yaml',
      lineOf: (path) => (path[0] === 'id' ? 7 : undefined),
      fieldPrefix: 'rows.3',
    });
    expect(p).toEqual({
      code: 'too_small',
      file: 'rows.yaml',
      line: 7,
      field: 'rows.3.id',
      message: p!.message,
    });
  });

  it('keeps unknown keys in one problem, or gives each its own with the message the caller writes', () => {
    const input = { id: 'x', tags: [], source: { url: 'https://x.org' }, extra: 1, other: 2 };
    expect(problemsFromZod(issues(input))).toEqual([
      { code: 'unrecognized_keys', message: expect.stringContaining('extra') },
    ]);
    expect(problemsFromZod(issues(input), { unknownKey: (k) => `unknown field "${k}"` })).toEqual([
      { code: 'unrecognized_keys', field: 'extra', message: 'unknown field "extra"' },
      { code: 'unrecognized_keys', field: 'other', message: 'unknown field "other"' },
    ]);
  });
});
