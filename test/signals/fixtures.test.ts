import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from './helpers.ts';

// The broken fixtures are documented line by line in test/fixtures/gdelt/README.md; this keeps the
// files and that table in step.
const source = readFileSync(fixture('events-v2/narayave__20190121220000.export.CSV'))
  .toString('latin1')
  .split('\n');
const read = (name: string) => readFileSync(fixture(`broken/${name}`)).toString('latin1');

describe('broken fixtures', () => {
  it('crlf: the first 50 source lines with CRLF endings', () => {
    expect(read('crlf.20190121220000.export.CSV')).toBe(
      source
        .slice(0, 50)
        .map((l) => `${l}\r\n`)
        .join(''),
    );
  });

  it('semicolon: the first 20 source lines, tabs as semicolons, CRLF', () => {
    expect(read('semicolon.20190121220000.export.CSV')).toBe(
      source
        .slice(0, 20)
        .map((l) => `${l.replaceAll('\t', ';')}\r\n`)
        .join(''),
    );
  });

  it('truncated: 30 source lines and half of line 31, no final newline', () => {
    const l31 = source[30] as string;
    expect(read('truncated.20190121220000.export.CSV')).toBe(
      source
        .slice(0, 30)
        .map((l) => `${l}\n`)
        .join('') + l31.slice(0, Math.floor(l31.length / 2)),
    );
  });

  it('truncated zip: the first 60% of the real zip', () => {
    const zip = readFileSync(fixture('events-v2/narayave__20190121220000.export.CSV.zip'));
    const cut = readFileSync(fixture('broken/truncated.20190121220000.export.CSV.zip'));
    expect(cut.equals(zip.subarray(0, Math.floor(zip.length * 0.6)))).toBe(true);
  });

  it('mixed-problems: only the documented lines differ from the source', () => {
    const lines = read('mixed-problems.20190121220000.export.CSV').split('\n');
    expect(lines).toHaveLength(41);
    const changed = lines.slice(0, 40).flatMap((l, i) => (l === source[i] ? [] : [i + 1]));
    expect(changed).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26]);
    expect(lines[17]).toBe(source[16]);
  });
});
