/**
 * A small seeded pseudo-random generator, so that a lottery draw can be published with its seed and
 * re-run by anyone (a worker, an auditor, another county's developer) to get the same result.
 *
 * Algorithm, fully specified so it can be re-implemented in any language with 32-bit integers:
 *
 * 1. Seed hash: **cyrb128** (bryc, public domain; https://github.com/bryc/code/blob/master/jshash/PRNGs.md).
 *    Input is the seed string as UTF-16 code units (for ASCII seeds these equal the bytes). With
 *    `imul` = 32-bit wrapping multiplication, `^` xor, `>>>` logical shift right:
 *    ```
 *    h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762
 *    for each code unit k:
 *      h1 = h2 ^ imul(h1 ^ k, 597399067)
 *      h2 = h3 ^ imul(h2 ^ k, 2869860233)
 *      h3 = h4 ^ imul(h3 ^ k, 951274213)
 *      h4 = h1 ^ imul(h4 ^ k, 2716044179)
 *    h1 = imul(h3 ^ (h1 >>> 18), 597399067)
 *    h2 = imul(h4 ^ (h2 >>> 22), 2869860233)
 *    h3 = imul(h1 ^ (h3 >>> 17), 951274213)
 *    h4 = imul(h2 ^ (h4 >>> 19), 2716044179)
 *    h1 ^= h2 ^ h3 ^ h4; h2 ^= h1; h3 ^= h1; h4 ^= h1
 *    state (a, b, c, d) = (h1, h2, h3, h4) as unsigned 32-bit
 *    ```
 * 2. Generator: **sfc32** (Chris Doty-Humphrey's Small Fast Chaotic PRNG from PractRand), one step:
 *    ```
 *    t = a + b + d (mod 2^32); d = d + 1 (mod 2^32)
 *    a = b ^ (b >>> 9); b = c + (c << 3) (mod 2^32)
 *    c = (c << 21) | (c >>> 11); c = c + t (mod 2^32)
 *    output t (unsigned 32-bit)
 *    ```
 * 3. The first {@link SFC32_DISCARD} outputs are discarded so that similar seeds diverge.
 *
 * `next()` is `output / 2^32` (exact in a double), `uint32()` is the raw output, and `int(n)` is an
 * unbiased integer in `0..n-1` by rejection sampling: draw `u = uint32()` until
 * `u < 2^32 - (2^32 mod n)`, then return `u mod n`.
 *
 * Not cryptographic: a seed must be fixed and published before the candidate list is known (or
 * be derived from a public source such as the date plus a notary's number), never chosen after.
 */

/** Outputs thrown away after seeding. */
export const SFC32_DISCARD = 15;

/** The cyrb128 hash of a string: four unsigned 32-bit words. */
export function cyrb128(input: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < input.length; i++) {
    const k = input.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** cyrb128 as 32 lower-case hex digits; used as a short, re-computable checksum. */
export function cyrb128Hex(input: string): string {
  return cyrb128(input)
    .map((w) => w.toString(16).padStart(8, "0"))
    .join("");
}

export interface SeededRandom {
  /** A number in [0, 1): the next sfc32 output divided by 2^32. */
  next(): number;
  /** An unbiased integer in 0..n-1 (rejection sampling); `n` is an integer in 1..2^32. */
  int(n: number): number;
  /** The next raw sfc32 output, an unsigned 32-bit integer. */
  uint32(): number;
}

const TWO_32 = 4294967296;

/**
 * A generator seeded from a string (cyrb128 -> sfc32, see the module comment). The same seed always
 * yields the same sequence, on any engine.
 */
export function createRandom(seed: string): SeededRandom {
  let [a, b, c, d] = cyrb128(seed);
  const uint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < SFC32_DISCARD; i++) uint32();
  return {
    uint32,
    next: () => uint32() / TWO_32,
    int(n: number): number {
      if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw new RangeError(`int(n): n must be an integer in 1..2^32, got ${n}`);
      const limit = TWO_32 - (TWO_32 % n);
      let u = uint32();
      while (u >= limit) u = uint32();
      return u % n;
    },
  };
}
