import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wilsonLowerBound, wilsonUpperBound } from "./wilson-lower-bound.ts";

describe("wilsonLowerBound examples", () => {
  it("is 0 with no observations", () => {
    expect(wilsonLowerBound(0, 0)).toBe(0);
    expect(wilsonUpperBound(0, 0)).toBe(1);
  });
  it("matches the textbook values", () => {
    expect(wilsonLowerBound(1, 1)).toBeCloseTo(0.2065, 4);
    expect(wilsonLowerBound(98, 100)).toBeCloseTo(0.9300, 3);
    expect(wilsonLowerBound(5, 10)).toBeCloseTo(0.2366, 4);
    expect(wilsonUpperBound(5, 10)).toBeCloseTo(0.7634, 4);
    expect(wilsonLowerBound(0, 10)).toBe(0);
    expect(wilsonUpperBound(10, 10)).toBe(1);
  });
  it("a wider z gives a lower bound", () => {
    expect(wilsonLowerBound(9, 10, 2.58)).toBeLessThan(wilsonLowerBound(9, 10, 1.96));
  });
  it("rejects impossible counts", () => {
    expect(() => wilsonLowerBound(3, 2)).toThrow(RangeError);
    expect(() => wilsonLowerBound(-1, 2)).toThrow(RangeError);
    expect(() => wilsonLowerBound(1.5, 2)).toThrow(RangeError);
    expect(() => wilsonUpperBound(1, 2, Number.NaN)).toThrow(RangeError);
  });
});

const counts = fc.integer({ min: 0, max: 500 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

describe("wilsonLowerBound laws", () => {
  it("one good job of one scores below 98 of 100", () => {
    expect(wilsonLowerBound(1, 1)).toBeLessThan(wilsonLowerBound(98, 100));
    fc.assert(fc.property(fc.integer({ min: 1, max: 3 }), (n) => wilsonLowerBound(n, n) < wilsonLowerBound(98, 100)));
  });
  it("bounds stay in [0, 1] and enclose the observed rate", () => {
    fc.assert(
      fc.property(counts, ([s, n]) => {
        const lo = wilsonLowerBound(s, n);
        const hi = wilsonUpperBound(s, n);
        return lo >= 0 && hi <= 1 && lo <= hi && (n === 0 || (lo <= s / n + 1e-12 && s / n <= hi + 1e-12));
      }),
    );
  });
  it("one more success never lowers either bound", () => {
    fc.assert(
      fc.property(counts, ([s, n]) => {
        return (
          wilsonLowerBound(s + 1, n + 1) >= wilsonLowerBound(s, n) - 1e-12 &&
          wilsonUpperBound(s + 1, n + 1) >= wilsonUpperBound(s, n) - 1e-12 &&
          (s === n || wilsonLowerBound(s + 1, n) >= wilsonLowerBound(s, n))
        );
      }),
    );
  });
  it("one more failure never raises either bound", () => {
    fc.assert(
      fc.property(counts, ([s, n]) => {
        return wilsonLowerBound(s, n + 1) <= wilsonLowerBound(s, n) + 1e-12 && wilsonUpperBound(s, n + 1) <= wilsonUpperBound(s, n) + 1e-12;
      }),
    );
  });
});
