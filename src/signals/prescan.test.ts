import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lineProblem, scanFile, writeCleanCopy } from './prescan.ts';

const dir = mkdtempSync(join(tmpdir(), 'entente-prescan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: Buffer | string) => {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
};

describe('lineProblem', () => {
  it('accepts UTF-8 text with tabs and a final CR', () => {
    expect(lineProblem(Buffer.from('a\tSan\u0091a\tKøavn\r'))).toBeNull();
  });
  it('names invalid UTF-8 and bytes that break a line-per-row read', () => {
    expect(lineProblem(Buffer.from([0x61, 0xff, 0x62]))).toBe('invalid_utf8');
    expect(lineProblem(Buffer.from('a\rb'))).toBe('control_character');
    expect(lineProblem(Buffer.from('a\u0001b'))).toBe('control_character');
    expect(lineProblem(Buffer.from('a\u0000b'))).toBe('control_character');
  });
});

describe('scanFile', () => {
  it('counts lines, an unterminated last line included, and hashes the bytes', async () => {
    const s = await scanFile(file('a.txt', 'one\ntwo\nthree'));
    expect(s).toMatchObject({
      size: 13,
      lines: 3,
      unterminated: true,
      crlf: false,
      md5: 'af80be2e6d697f29a9d85b87a4999205',
    });
    expect(s.problems).toEqual([{ line: 3, reason: 'truncated_line', raw: 'three' }]);
    expect(await scanFile(file('b.txt', ''))).toMatchObject({ lines: 0, problems: [] });
  });

  it('finds bad lines across chunk boundaries', async () => {
    // 3 MiB of good lines with a bad byte in line 20,000, so the scan crosses several chunks.
    const lines = Array.from({ length: 40_000 }, (_, i) => `${i + 1}\t${'x'.repeat(70)}`);
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    const at = bytes.indexOf('\n20000\t') + 3;
    bytes[at] = 0xff;
    const s = await scanFile(file('big.txt', bytes));
    expect(s.lines).toBe(40_000);
    expect(s.problems.map((p) => [p.line, p.reason])).toEqual([[20_000, 'invalid_utf8']]);
  });

  it('writes a clean copy with the same line numbers', async () => {
    const p = file('c.txt', 'a\r\nb\u0001\r\nc\r\n');
    const s = await scanFile(p);
    expect(s.crlf).toBe(true);
    const out = join(dir, 'c.clean');
    await writeCleanCopy(p, out, s.problems);
    expect(readFileSync(out, 'utf8')).toBe('a\n\nc\n');
  });
});
