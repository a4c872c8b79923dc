import { describe, expect, it } from 'vitest';
import { differenceInterval, effectiveN, wilson } from './intervals.ts';

// Expected values were worked by hand from the Wilson formula with z = 1.96 (to four decimals):
//   centre = (p + z²/2n) / (1 + z²/n), half = z / (1 + z²/n) · √(p(1−p)/n + z²/4n²).
describe('wilson', () => {
  it('is symmetric around one half: 50 of 100 gives 40.38 – 59.62', () => {
    // z²/n = 0.038415; centre = 0.519207 / 1.038415 = 0.5; half = 1.887457 · 0.050951 = 0.096169
    const { low, high } = wilson(50, 100);
    expect(low).toBeCloseTo(40.383, 2);
    expect(high).toBeCloseTo(59.617, 2);
  });

  it('is skewed towards the middle for a small share: 12.2 % of 1,004', () => {
    // p = 0.122, z²/n = 0.0038261; centre = (0.122 + 0.0019131) / 1.0038261 = 0.123441;
    // half = (1.96 / 1.0038261) · √(0.107116/1004 + 3.8415/(4·1004²)) = 1.952494 · 0.0103751 = 0.020257
    const { low, high } = wilson(12.2, 1004);
    expect(low).toBeCloseTo(10.318, 2);
    expect(high).toBeCloseTo(14.37, 2);
    expect(12.2 - low).toBeLessThan(high - 12.2);
  });

  it('widens by the design effect: deff 2 on n = 200 equals n = 100', () => {
    expect(wilson(50, 200, 2)).toEqual(wilson(50, 100));
    expect(effectiveN(1000, 1.6)).toBe(625);
    const srs = wilson(30, 1000);
    const clustered = wilson(30, 1000, 1.6);
    expect(clustered.high - clustered.low).toBeGreaterThan(srs.high - srs.low);
  });

  it('stays inside 0–100 and keeps a width at the edges', () => {
    // p = 0: centre = half = (z²/2n)/(1 + z²/n) → high = 2·1.9208/103.8415 = 0.036995
    const zero = wilson(0, 100);
    expect(zero.low).toBeCloseTo(0, 10);
    expect(zero.high).toBeCloseTo(3.6995, 2);
    const all = wilson(100, 100);
    expect(all.high).toBeCloseTo(100, 10);
    expect(all.low).toBeCloseTo(96.3005, 2);
  });

  it('rejects what is not a share or a sample', () => {
    expect(() => wilson(101, 100)).toThrow(RangeError);
    expect(() => wilson(-1, 100)).toThrow(RangeError);
    expect(() => wilson(50, 0)).toThrow(/n must be positive/);
    expect(() => wilson(50, 100, 0)).toThrow(/design effect/);
  });
});

describe('differenceInterval', () => {
  it('combines two Wilson intervals (Newcombe): 50 of 100 minus 50 of 100', () => {
    // d = 0; each side is 50 ± 9.6169, so the limits are ± √2 · 9.6169 = ± 13.6003
    const a = { share: 50, interval: wilson(50, 100) };
    const { low, high } = differenceInterval(a, a);
    expect(low).toBeCloseTo(-13.6, 1);
    expect(high).toBeCloseTo(13.6, 1);
  });

  it('uses the lower side of the first and the upper side of the second for the low limit', () => {
    const a = { share: 30, interval: { low: 27, high: 34 } };
    const b = { share: 10, interval: { low: 8, high: 14 } };
    const { low, high } = differenceInterval(a, b);
    expect(low).toBeCloseTo(20 - 5, 10); // √(3² + 4²) = 5
    expect(high).toBeCloseTo(20 + Math.sqrt(16 + 4), 10);
  });
});
