import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRandom, cyrb128, cyrb128Hex, SFC32_DISCARD } from "./seeded-random.ts";

// An independent re-implementation in BigInt arithmetic, written from the documented algorithm,
// to prove the documentation is enough for a third party to re-run a published draw.
const M = (1n << 32n) - 1n;
const u = (x: bigint): bigint => x & M;
const mul = (x: bigint, y: bigint): bigint => u(x * y);
function refCyrb128(s: string): bigint[] {
  let h1 = 1779033703n, h2 = 3144134277n, h3 = 1013904242n, h4 = 2773480762n;
  for (let i = 0; i < s.length; i++) {
    const k = BigInt(s.charCodeAt(i));
    h1 = h2 ^ mul(h1 ^ k, 597399067n);
    h2 = h3 ^ mul(h2 ^ k, 2869860233n);
    h3 = h4 ^ mul(h3 ^ k, 951274213n);
    h4 = h1 ^ mul(h4 ^ k, 2716044179n);
  }
  h1 = mul(h3 ^ (h1 >> 18n), 597399067n);
  h2 = mul(h4 ^ (h2 >> 22n), 2869860233n);
  h3 = mul(h1 ^ (h3 >> 17n), 951274213n);
  h4 = mul(h2 ^ (h4 >> 19n), 2716044179n);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1, h2, h3, h4];
}
function refSfc32(seed: string, count: number): number[] {
  let [a, b, c, d] = refCyrb128(seed) as [bigint, bigint, bigint, bigint];
  const step = (): bigint => {
    const t = u(a + b + d);
    d = u(d + 1n);
    a = b ^ (b >> 9n);
    b = u(c + (c << 3n));
    c = u((c << 21n) | (c >> 11n));
    c = u(c + t);
    return t;
  };
  for (let i = 0; i < SFC32_DISCARD; i++) step();
  return Array.from({ length: count }, () => Number(step()));
}

describe("cyrb128 and sfc32", () => {
  it("matches the documented algorithm re-implemented independently", () => {
    for (const seed of ["", "a", "2024-05-01 龙港镇", "lingong-draw-0001"]) {
      expect(cyrb128(seed)).toEqual(refCyrb128(seed).map(Number));
      const r = createRandom(seed);
      expect(Array.from({ length: 20 }, () => r.uint32())).toEqual(refSfc32(seed, 20));
    }
  });

  it("pins known-answer vectors so a published draw stays re-runnable after refactors", () => {
    // Changing these values means a new algorithm: it must get a new name in drawLottery's output.
    const r = createRandom("lingong");
    expect([r.uint32(), r.uint32(), r.uint32()]).toEqual([2820047739, 3090857968, 3233079670]);
    expect(cyrb128Hex("lingong")).toBe("71a645cbe59036ed6d2789f3a620e893");
  });

  it("next() is in [0, 1) and int(n) in 0..n-1", () => {
    const r = createRandom("range");
    for (let i = 0; i < 1000; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const k = r.int(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
    }
    expect(() => r.int(0)).toThrow(RangeError);
    expect(() => r.int(1.5)).toThrow(RangeError);
  });

  it("int(n) is roughly uniform", () => {
    const r = createRandom("uniform");
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) counts[r.int(6)]! += 1;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });
});

describe("laws", () => {
  it("same seed, same sequence (reproducible)", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
        const a = createRandom(seed);
        const b = createRandom(seed);
        for (let i = 0; i < 10; i++) {
          if (a.int(n) !== b.int(n) || a.next() !== b.next()) return false;
        }
        return true;
      }),
    );
  });

  it("different seeds give different sequences", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (s1, s2) => {
        fc.pre(s1 !== s2);
        const a = createRandom(s1);
        const b = createRandom(s2);
        const xs = [a.uint32(), a.uint32(), a.uint32()];
        const ys = [b.uint32(), b.uint32(), b.uint32()];
        return xs.some((x, i) => x !== ys[i]);
      }),
    );
  });
});
