import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  complaintsPer100Jobs,
  demandSupplyRatio,
  fillRate,
  medianTimeToFillDays,
  METRIC_DEFINITIONS,
  placementRate,
  repeatHireRate,
  wageToGuidanceRatio,
  wageToGuidanceRatioOfSums,
} from "./metrics.ts";

const RATES = [placementRate, fillRate, repeatHireRate] as const;
const ALL_RATIOS = [demandSupplyRatio, placementRate, fillRate, complaintsPer100Jobs, repeatHireRate] as const;

describe("metrics examples", () => {
  it("computes each ratio", () => {
    expect(demandSupplyRatio(150, 100)).toBe(1.5);
    expect(placementRate(30, 40)).toBe(0.75);
    expect(fillRate(9, 10)).toBe(0.9);
    expect(complaintsPer100Jobs(3, 250)).toBe(1.2);
    expect(repeatHireRate(1, 4)).toBe(0.25);
  });

  it("returns null for a zero denominator or a bad input, never NaN or Infinity", () => {
    expect(demandSupplyRatio(5, 0)).toBeNull();
    expect(placementRate(0, 0)).toBeNull();
    expect(fillRate(Number.NaN, 10)).toBeNull();
    expect(repeatHireRate(-1, 10)).toBeNull();
    expect(complaintsPer100Jobs(1, Number.POSITIVE_INFINITY)).toBeNull();
  });

  it("wage against guidance: each group against its own midpoint, weighted by jobs", () => {
    // One county pays ¥250 against a ¥220 midpoint (2 jobs), another ¥150 against ¥150 (1 job).
    const groups = [
      { jobs: 2, wageSumFen: 50_000, guidanceMidFen: 22_000 },
      { jobs: 1, wageSumFen: 15_000, guidanceMidFen: 15_000 },
    ];
    expect(wageToGuidanceRatio(groups)).toBeCloseTo((2 * (25_000 / 22_000) + 1) / 3, 12);
    // Not the pooled average over a pooled midpoint.
    expect(wageToGuidanceRatio(groups)).not.toBeCloseTo(65_000 / 3 / ((2 * 22_000 + 15_000) / 3), 3);
    expect(wageToGuidanceRatio([{ jobs: 4, wageSumFen: 88_000, guidanceMidFen: 22_000 }])).toBe(1);
    expect(wageToGuidanceRatio([])).toBeNull();
    expect(wageToGuidanceRatio([{ jobs: 0, wageSumFen: 0, guidanceMidFen: 22_000 }])).toBeNull();
    expect(wageToGuidanceRatio([{ jobs: 1, wageSumFen: 100, guidanceMidFen: 0 }, { jobs: 1, wageSumFen: 100, guidanceMidFen: Number.NaN }])).toBeNull();
    expect(wageToGuidanceRatio([{ jobs: 1, wageSumFen: 100, guidanceMidFen: 0 }, { jobs: 1, wageSumFen: 300, guidanceMidFen: 200 }])).toBe(1.5);
    // From per-job sums (the API's rollups): Σ(wage ÷ mid) ÷ priced jobs, the same number as the groups give.
    expect(wageToGuidanceRatioOfSums(50_000 / 22_000 + 15_000 / 15_000, 3)).toBeCloseTo(wageToGuidanceRatio(groups)!, 12);
    expect(wageToGuidanceRatioOfSums(0, 0)).toBeNull();
    expect(wageToGuidanceRatioOfSums(Number.NaN, 2)).toBeNull();
  });

  it("takes the median of time to fill, ignoring bad values and not mutating the input", () => {
    const input = [5, 1, 3];
    expect(medianTimeToFillDays(input)).toBe(3);
    expect(input).toEqual([5, 1, 3]);
    expect(medianTimeToFillDays([4, 1, 2, 3])).toBe(2.5);
    expect(medianTimeToFillDays([])).toBeNull();
    expect(medianTimeToFillDays([Number.NaN, -1])).toBeNull();
    expect(medianTimeToFillDays([Number.NaN, 7])).toBe(7);
  });

  it("defines every metric in Chinese and English with a formula", () => {
    for (const d of Object.values(METRIC_DEFINITIONS)) {
      expect(d.zh.length).toBeGreaterThan(5);
      expect(d.en.length).toBeGreaterThan(5);
      expect(d.formula.length).toBeGreaterThan(3);
    }
    expect(Object.keys(METRIC_DEFINITIONS)).toHaveLength(7);
    expect(METRIC_DEFINITIONS.demandSupplyRatio.zh).toContain("求人倍率");
  });
});

const n = fc.integer({ min: 0, max: 1_000_000 });

describe("metrics properties", () => {
  it("rates are in [0, 1] when the numerator does not exceed the denominator", () => {
    fc.assert(
      fc.property(n, n, (a, b) => {
        const [num, den] = a <= b ? [a, b] : [b, a];
        for (const f of RATES) {
          const r = f(num, den);
          if (den > 0) {
            expect(r).not.toBeNull();
            expect(r as number).toBeGreaterThanOrEqual(0);
            expect(r as number).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });

  it("a ratio is null iff its denominator is 0, and otherwise finite", () => {
    fc.assert(
      fc.property(n, n, (num, den) => {
        for (const f of ALL_RATIOS) {
          const r = f(num, den);
          expect(r === null).toBe(den === 0);
          if (r !== null) expect(Number.isFinite(r)).toBe(true);
        }
      }),
    );
  });

  it("the median lies between the smallest and largest duration", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 365 }), { minLength: 1 }), (xs) => {
        const m = medianTimeToFillDays(xs) as number;
        expect(m).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(m).toBeLessThanOrEqual(Math.max(...xs));
        const below = xs.filter((x) => x < m).length;
        const above = xs.filter((x) => x > m).length;
        expect(below).toBeLessThanOrEqual(xs.length / 2);
        expect(above).toBeLessThanOrEqual(xs.length / 2);
      }),
    );
  });

  it("wage against guidance lies between the smallest and largest group ratio and ignores how groups are split", () => {
    const group = fc.record({ jobs: fc.integer({ min: 1, max: 500 }), avg: fc.integer({ min: 0, max: 100_000 }), mid: fc.integer({ min: 1, max: 100_000 }) });
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 20 }), (gs) => {
        const groups = gs.map((g) => ({ jobs: g.jobs, wageSumFen: g.avg * g.jobs, guidanceMidFen: g.mid }));
        const r = wageToGuidanceRatio(groups) as number;
        const ratios = gs.map((g) => g.avg / g.mid);
        expect(r).toBeGreaterThanOrEqual(Math.min(...ratios) - 1e-9);
        expect(r).toBeLessThanOrEqual(Math.max(...ratios) + 1e-9);
        // Splitting a group's jobs into two groups at the same midpoint (two counties, same table) changes nothing.
        const split = groups.flatMap((g) => [{ ...g, jobs: 1, wageSumFen: g.wageSumFen / g.jobs }, ...(g.jobs > 1 ? [{ ...g, jobs: g.jobs - 1, wageSumFen: (g.wageSumFen * (g.jobs - 1)) / g.jobs }] : [])]);
        expect(wageToGuidanceRatio(split)).toBeCloseTo(r, 9);
      }),
    );
  });
});
