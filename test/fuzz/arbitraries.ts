import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Problem, Queryable } from '../../src/core/index.ts';

/**
 * What the fuzz suite shares: how many cases to run, the seed, the bound on one case, and the
 * generators that damage a valid input. `npm test` runs a short pass; bench/fuzz.sh sets
 * ENTENTE_FUZZ_RUNS for the long one (10,000 per target). A fixed seed keeps a failure repeatable;
 * fast-check prints the seed and path of a failing case to replay it.
 */
export const RUNS = Number(process.env.ENTENTE_FUZZ_RUNS ?? 0);
export const SEED = Number(process.env.ENTENTE_FUZZ_SEED ?? 20261202);

/**
 * The cases of one target: ENTENTE_FUZZ_RUNS when set, otherwise `short`, chosen per target so that
 * the whole short pass stays within some 20 CPU-seconds.
 */
export const runs = (short: number) => ({ numRuns: RUNS > 0 ? RUNS : short, seed: SEED });

/** A long run's test timeout: generous, since 10,000 cases of a store-backed target take minutes. */
export const TIMEOUT = 3_600_000;

/** One case may take at most this long: more is a hang (or a parser made slow by its input). */
export const CASE_BOUND_MS = 2000;

/** Runs one case and fails it when it takes longer than {@link CASE_BOUND_MS}. */
export async function bounded<T>(what: string, fn: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const out = await fn();
  const ms = performance.now() - started;
  expect(ms, `${what} took ${Math.round(ms)} ms`).toBeLessThan(CASE_BOUND_MS);
  return out;
}

/** Whole-file problems, which have no line or field: the file itself is what is wrong. */
const WHOLE_FILE = new Set([
  'missing_file',
  'unexpected_file',
  'too_large',
  'not_a_file',
  'unreadable',
  'not_found',
]);

/** Every problem says where (its file, and a line or field unless the whole file is at fault) and why. */
export function expectLocated(problems: readonly Problem[], inFile: (file: string) => boolean) {
  for (const p of problems) {
    const shown = JSON.stringify(p);
    expect(p.code, shown).toMatch(/^[a-z0-9_]+$/);
    expect(p.message.trim(), shown).not.toBe('');
    expect(p.file && inFile(p.file), shown).toBeTruthy();
    if (!WHOLE_FILE.has(p.code)) expect(p.line !== undefined || Boolean(p.field), shown).toBe(true);
    if (p.line !== undefined) expect(Number.isInteger(p.line) && p.line >= 1, shown).toBe(true);
  }
}

/** A digest of every row of `tables` (each read in a fixed order), with the row counts. */
export async function digestTables(
  db: Queryable,
  tables: readonly string[],
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of tables) {
    const rows = await db.query<{ r: string }>(`SELECT row_to_json(x)::text AS r FROM ${t} x`);
    const texts = rows.map((r) => r.r).sort();
    out[t] = `${texts.length} ${createHash('sha256').update(texts.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return out;
}

// ---- Damage to text ----

/** Strings a hostile or careless file holds: control characters, NUL, lone surrogates, long runs. */
export const nastyString = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '\u0000',
    '\uFEFF',
    '\uD800',
    '\r',
    '\r\n',
    '\t',
    '"',
    "'",
    ',',
    '#',
    ': ',
    '- ',
    '{',
    '[',
    '*a',
    '&a',
    '!!binary',
    '!!js/function',
    '<<: *a',
    '---',
    '...',
    '%YAML 1.1',
    '=HYPERLINK("x")',
    '2999-12-31',
    '0000-00-00',
    'NaN',
    '-0',
    '1e309',
    'null',
    '~',
    'true',
    '🇰🇷',
  ),
  fc.integer({ min: 1, max: 20_000 }).map((n) => 'x'.repeat(n)),
);

/** Bytes that are not UTF-8, or are but should not be in a text file. */
const badBytes = fc.constantFrom(
  [0xff],
  [0xfe, 0xff],
  [0xc3],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0xc0, 0x80],
  [0x00],
  [0x01],
  [0x0d],
  [0x1b, 0x5b, 0x32, 0x4a],
);

export type TextMutation =
  | { op: 'byte'; at: number; byte: number }
  | { op: 'bytes'; at: number; bytes: readonly number[] }
  | { op: 'insert'; at: number; text: string }
  | { op: 'truncate'; at: number }
  | { op: 'dropLine'; line: number }
  | { op: 'dupLine'; line: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'replaceLine'; line: number; text: string }
  | { op: 'value'; line: number; text: string }
  | { op: 'indent'; line: number; by: number }
  | { op: 'addLine'; line: number; text: string };

/** Positions are fractions of the input, so one mutation fits inputs of any length. */
const at = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

/** Generic damage to any text file: bytes, lines, values. `lineText` adds lines of the file's kind. */
export function textMutation(lineText: fc.Arbitrary<string> = nastyString): fc.Arbitrary<TextMutation> {
  return fc.oneof(
    fc.record({ op: fc.constant('byte' as const), at, byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ op: fc.constant('bytes' as const), at, bytes: badBytes }),
    fc.record({ op: fc.constant('insert' as const), at, text: nastyString }),
    fc.record({ op: fc.constant('truncate' as const), at }),
    fc.record({ op: fc.constant('dropLine' as const), line: at }),
    fc.record({ op: fc.constant('dupLine' as const), line: at }),
    fc.record({ op: fc.constant('swapLines' as const), a: at, b: at }),
    fc.record({ op: fc.constant('replaceLine' as const), line: at, text: lineText }),
    fc.record({ op: fc.constant('value' as const), line: at, text: lineText }),
    fc.record({ op: fc.constant('indent' as const), line: at, by: fc.integer({ min: -4, max: 4 }) }),
    fc.record({ op: fc.constant('addLine' as const), line: at, text: lineText }),
  );
}

const pick = (f: number, n: number) => Math.min(n - 1, Math.floor(f * n));

/**
 * Applies a mutation to file bytes. `value` replaces what follows the first `sep` of a line (a YAML
 * `key: value`, a CSV field, a GDELT column).
 */
export function mutate(input: Buffer, m: TextMutation, sep: string | RegExp = ': '): Buffer {
  switch (m.op) {
    case 'byte': {
      const out = Buffer.from(input);
      if (out.length > 0) out[pick(m.at, out.length)] = m.byte;
      return out;
    }
    case 'bytes': {
      const i = pick(m.at, input.length + 1);
      return Buffer.concat([input.subarray(0, i), Buffer.from(m.bytes), input.subarray(i)]);
    }
    case 'insert': {
      const i = pick(m.at, input.length + 1);
      return Buffer.concat([input.subarray(0, i), Buffer.from(m.text), input.subarray(i)]);
    }
    case 'truncate':
      return input.subarray(0, pick(m.at, input.length + 1));
  }
  const lines = input.toString('latin1').split('\n');
  const n = lines.length;
  const text = (s: string) => Buffer.from(s).toString('latin1');
  switch (m.op) {
    case 'dropLine':
      lines.splice(pick(m.line, n), 1);
      break;
    case 'dupLine': {
      const i = pick(m.line, n);
      lines.splice(i, 0, lines[i]!);
      break;
    }
    case 'swapLines': {
      const a = pick(m.a, n);
      const b = pick(m.b, n);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      break;
    }
    case 'replaceLine':
      lines[pick(m.line, n)] = text(m.text);
      break;
    case 'value': {
      const i = pick(m.line, n);
      const line = lines[i]!;
      const found = typeof sep === 'string' ? line.indexOf(sep) : line.search(sep);
      const len = typeof sep === 'string' ? sep.length : (line.match(sep)?.[0].length ?? 0);
      lines[i] = found < 0 ? text(m.text) : line.slice(0, found + len) + text(m.text);
      break;
    }
    case 'indent': {
      const i = pick(m.line, n);
      const line = lines[i]!;
      lines[i] =
        m.by > 0
          ? ' '.repeat(m.by) + line
          : line.slice(Math.min(-m.by, line.length - line.trimStart().length));
      break;
    }
    case 'addLine':
      lines.splice(pick(m.line, n + 1), 0, text(m.text));
      break;
  }
  return Buffer.from(lines.join('\n'), 'latin1');
}

/** Applies mutations in turn. */
export const mutateAll = (input: Buffer, ms: readonly TextMutation[], sep?: string | RegExp) =>
  ms.reduce((b, m) => mutate(b, m, sep), input);
