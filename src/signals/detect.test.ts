import { describe, expect, it } from 'vitest';
import { detectKind } from './detect.ts';

const row = (n: number) => Array.from({ length: n }, () => 'x').join('\t');

describe('detectKind', () => {
  it('reads GDELT names', () => {
    expect(detectKind('20190121220000.export.CSV.zip', [])).toBe('events-v2');
    expect(detectKind('20150218224500.translation.export.CSV', [])).toBe('events-v2');
    expect(detectKind('20201114.export.CSV.zip', [])).toBe('events-v1');
    expect(detectKind('20201114124500.mentions.CSV', [])).toBe('mentions-v2');
  });

  it('falls back on the field count most lines share', () => {
    expect(detectKind('sample.csv', [row(61), row(61), row(3)])).toBe('events-v2');
    expect(detectKind('sample.csv', [row(57), row(58)])).toBe('events-v1');
    expect(detectKind('sample.csv', [row(16)])).toBe('mentions-v2');
    expect(detectKind('sample.csv', [row(12)])).toBeUndefined();
    expect(detectKind('sample.csv', [])).toBeUndefined();
  });
});
