/**
 * Wilson score interval for a proportion (Wilson 1927). The lower bound is the rate a small
 * sample can be trusted to reach: 1 satisfied job of 1 scores about 0.21, 98 of 100 about 0.93,
 * so a newcomer with one good job does not outrank a worker with a long good record.
 */

function check(successes: number, n: number, z: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`successes must be an integer in 0..n (${n}), got ${successes}`);
  }
  if (!Number.isFinite(z) || z < 0) throw new RangeError(`z must be a non-negative number, got ${z}`);
}

function bound(successes: number, n: number, z: number, sign: 1 | -1): number {
  const p = successes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const value = (centre + sign * spread) / (1 + z2 / n);
  // Floating error can push the bound a hair outside [0, 1] at p = 0 or p = 1.
  return Math.min(1, Math.max(0, value));
}

/**
 * Lower bound of the Wilson score interval of `successes` out of `n`.
 * Returns 0 when `n` is 0 (no evidence, no credit). `z` = 1.96 is a 95% two-sided interval.
 * @throws RangeError when the counts are not integers with 0 <= successes <= n.
 */
export function wilsonLowerBound(successes: number, n: number, z = 1.96): number {
  check(successes, n, z);
  if (n === 0) return 0;
  return bound(successes, n, z, -1);
}

/**
 * Upper bound of the Wilson score interval; 1 when `n` is 0. Used where a rule should act only
 * when even the optimistic estimate is bad (e.g. demoting for low satisfaction).
 */
export function wilsonUpperBound(successes: number, n: number, z = 1.96): number {
  check(successes, n, z);
  if (n === 0) return 1;
  return bound(successes, n, z, 1);
}
