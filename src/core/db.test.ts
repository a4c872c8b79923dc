import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './db.ts';

describe('parseTimestamp', () => {
  it('reads the forms PostgreSQL prints', () => {
    expect(parseTimestamp('2025-02-24 09:30:00.5+00')).toBe('2025-02-24T09:30:00.500Z');
    expect(parseTimestamp('2025-02-24 18:30:00+09')).toBe('2025-02-24T09:30:00.000Z');
    expect(parseTimestamp('2025-02-24 15:00:00+05:30')).toBe('2025-02-24T09:30:00.000Z');
    expect(parseTimestamp('2025-02-24 09:30:00')).toBe('2025-02-24T09:30:00.000Z');
    expect(parseTimestamp('infinity')).toBe('infinity');
  });
});
