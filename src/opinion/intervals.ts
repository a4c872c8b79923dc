/** The normal quantile for a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;

/** An interval of shares in percent, low ≤ high. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * The sample size that a design effect leaves for interval purposes: `n / deff`. A design effect of 1
 * is simple random sampling; weighting and clustering make it larger and the interval wider.
 *
 * @example effectiveN(1000, 1.5) // 666.67
 */
export function effectiveN(n: number, designEffect = 1): number {
  if (!(n > 0)) throw new RangeError(`n must be positive, got ${n}`);
  if (!(designEffect > 0)) throw new RangeError(`the design effect must be positive, got ${designEffect}`);
  return n / designEffect;
}

/**
 * The 95 % Wilson score interval of a share (in percent) observed in a sample of `n`, with the
 * design effect applied through the effective sample size. Wilson rather than the textbook
 * "p ± 1.96·se" because that one leaves [0, 100] and collapses to zero width at shares of 0 or 100.
 *
 * @example wilson(50, 100) // { low: 40.38, high: 59.62 } (rounded)
 */
export function wilson(sharePercent: number, n: number, designEffect = 1, z = Z95): Interval {
  if (!(sharePercent >= 0 && sharePercent <= 100))
    throw new RangeError(`a share must be between 0 and 100, got ${sharePercent}`);
  const m = effectiveN(n, designEffect);
  const p = sharePercent / 100;
  const z2 = z * z;
  const denominator = 1 + z2 / m;
  const centre = (p + z2 / (2 * m)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / m + z2 / (4 * m * m));
  return { low: Math.max(0, centre - half) * 100, high: Math.min(1, centre + half) * 100 };
}

/**
 * The 95 % interval of a difference of two shares from independent samples (a − b), by Newcombe's
 * hybrid score method, which combines the two Wilson intervals: it stays inside [−100, 100] and
 * needs nothing but the two shares and their intervals.
 */
export function differenceInterval(
  a: { share: number; interval: Interval },
  b: { share: number; interval: Interval },
): Interval {
  const d = a.share - b.share;
  const low = d - Math.hypot(a.share - a.interval.low, b.interval.high - b.share);
  const high = d + Math.hypot(a.interval.high - a.share, b.share - b.interval.low);
  return { low, high };
}
