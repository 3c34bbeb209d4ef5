import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkOfferedWage, DEFAULT_GUIDANCE_WAGE_POLICY as P, formatFen, guidanceRange, validateGuidanceWagePolicy, type WageUnit } from "./guidance-wage.ts";
import { TRADES } from "./trades.ts";
import { SKILL_GRADE_ORDER, type SkillGrade, type StarGrade } from "./types.ts";

describe("guidance wage examples", () => {
  it("formats fen as yuan", () => {
    expect(formatFen(25_000)).toBe("¥250.00");
    expect(formatFen(5)).toBe("¥0.05");
    expect(formatFen(-150)).toBe("-¥1.50");
    expect(formatFen(Number.NaN)).toBe("¥—");
  });

  it("the default policy is sound", () => {
    expect(validateGuidanceWagePolicy(P)).toEqual([]);
    for (const t of TRADES) expect(P.dayRateFen[t.code], t.code).toBeDefined();
  });

  it("a level-5 bricklayer with 0 stars: ¥250 a day ±10%", () => {
    const r = guidanceRange(P, { trade: "bricklayer", skillGrade: "L5", stars: 0, unit: "day" });
    expect(r).toMatchObject({ lowFen: 22_500, midFen: 25_000, highFen: 27_500, unit: "day" });
    expect(r.reasons[0]?.code).toBe("wage.guidance_range");
    expect(r.reasons[0]?.zh).toContain("¥225.00–¥275.00/天");
  });

  it("stars scale the day rate; half days and hours convert with half-up rounding", () => {
    expect(guidanceRange(P, { trade: "bricklayer", skillGrade: "L5", stars: 5, unit: "day" }).midFen).toBe(30_000);
    expect(guidanceRange(P, { trade: "general_labourer", skillGrade: "none", stars: 2, unit: "half_day" }).midFen).toBe(8_663); // 15750 × 0.55 = 8662.5
    expect(guidanceRange(P, { trade: "general_labourer", skillGrade: "none", stars: 0, unit: "hour" }).midFen).toBe(1_875);
  });

  it("a grade above the table's top takes the top rate; a trade with no row takes its category default", () => {
    expect(guidanceRange(P, { trade: "bricklayer", skillGrade: "L1", stars: 0, unit: "day" }).midFen).toBe(36_000);
    const custom = { ...P, dayRateFen: {} };
    const r = guidanceRange(custom, { trade: "bricklayer", skillGrade: "L3", stars: 0, unit: "day" });
    expect(r.midFen).toBe(20_000);
    expect(r.reasons.map((x) => x.code)).toContain("wage.category_default");
    expect(guidanceRange(P, { trade: "unknown_trade", skillGrade: "none", stars: 0, unit: "day" }).midFen).toBe(P.categoryDefaultFen.other);
  });

  it("flags an offer below the floor with the floor in Chinese", () => {
    const c = checkOfferedWage(P, { trade: "general_labourer", skillGrade: "none", unit: "day", offeredFen: 12_000 });
    expect(c.floorFen).toBe(12_150); // low 13 500 × 0.9
    expect(c.belowFloor).toBe(true);
    expect(c.reasons[0]).toMatchObject({ code: "wage.below_floor" });
    expect(c.reasons[0]?.zh).toContain("报酬低于指导价下限 ¥121.50/天");
  });

  it("classifies offers at and above the floor", () => {
    const at = checkOfferedWage(P, { trade: "general_labourer", skillGrade: "none", unit: "day", offeredFen: 12_150 });
    expect(at.belowFloor).toBe(false);
    expect(at.reasons[0]?.code).toBe("wage.below_range");
    expect(checkOfferedWage(P, { trade: "general_labourer", skillGrade: "none", unit: "day", offeredFen: 15_000 }).reasons[0]?.code).toBe("wage.within_range");
    expect(checkOfferedWage(P, { trade: "general_labourer", skillGrade: "none", unit: "day", offeredFen: 20_000 }).reasons[0]?.code).toBe("wage.above_range");
    expect(checkOfferedWage(P, { trade: "general_labourer", skillGrade: "none", unit: "day", offeredFen: Number.NaN }).belowFloor).toBe(true);
  });

  it("reports problems in a bad policy", () => {
    const bad = { ...P, dayRateFen: { x: { L5: 300, L4: 200 } }, starMultiplierPermille: [1000, 900, 1000, 1000, 1000, 1000] as const, hoursPerDay: 0 };
    expect(validateGuidanceWagePolicy(bad)).toHaveLength(3);
  });
});

const trade = fc.constantFrom(...TRADES.map((t) => t.code), "not_in_catalogue");
const grade = fc.constantFrom(...SKILL_GRADE_ORDER);
const stars = fc.constantFrom<StarGrade>(0, 1, 2, 3, 4, 5);
const unit = fc.constantFrom<WageUnit>("day", "half_day", "hour");
const rank = (g: SkillGrade) => SKILL_GRADE_ORDER.indexOf(g);

/** Arbitrary tables, including rows that fall with grade, to show the law holds for any county's data. */
const policy = fc
  .record({
    row: fc.dictionary(fc.constantFrom(...SKILL_GRADE_ORDER), fc.integer({ min: 1, max: 2_000_000 })),
    mult: fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 6, maxLength: 6 }),
    spread: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ row, mult, spread }) => ({
    ...P,
    dayRateFen: { ...P.dayRateFen, bricklayer: row },
    starMultiplierPermille: mult as unknown as typeof P.starMultiplierPermille,
    rangeSpreadPermille: spread,
  }));

describe("guidance wage properties", () => {
  it("the range never falls as skill grade or stars rise", () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(P), policy), trade, grade, grade, stars, stars, unit, (pol, t, g1, g2, s1, s2, u) => {
        const [lo, hi] = rank(g1) <= rank(g2) ? [g1, g2] : [g2, g1];
        const [sLo, sHi] = s1 <= s2 ? [s1, s2] : [s2, s1];
        const a = guidanceRange(pol, { trade: t, skillGrade: lo, stars: sLo, unit: u });
        const b = guidanceRange(pol, { trade: t, skillGrade: hi, stars: sHi, unit: u });
        expect(b.lowFen).toBeGreaterThanOrEqual(a.lowFen);
        expect(b.midFen).toBeGreaterThanOrEqual(a.midFen);
        expect(b.highFen).toBeGreaterThanOrEqual(a.highFen);
      }),
    );
  });

  it("all outputs are non-negative integers with low <= mid <= high", () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(P), policy), trade, grade, stars, unit, fc.integer({ min: -1000, max: 1_000_000 }), (pol, t, g, s, u, offered) => {
        const c = checkOfferedWage(pol, { trade: t, skillGrade: g, stars: s, unit: u, offeredFen: offered });
        for (const n of [c.floorFen, c.range.lowFen, c.range.midFen, c.range.highFen]) {
          expect(Number.isInteger(n)).toBe(true);
          expect(n).toBeGreaterThanOrEqual(0);
        }
        expect(c.range.lowFen).toBeLessThanOrEqual(c.range.midFen);
        expect(c.range.midFen).toBeLessThanOrEqual(c.range.highFen);
        expect(c.floorFen).toBeLessThanOrEqual(c.range.lowFen);
      }),
    );
  });

  it("below-floor is monotone in the offered wage", () => {
    fc.assert(
      fc.property(trade, grade, unit, fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (t, g, u, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const a = checkOfferedWage(P, { trade: t, skillGrade: g, unit: u, offeredFen: lo });
        const b = checkOfferedWage(P, { trade: t, skillGrade: g, unit: u, offeredFen: hi });
        if (!a.belowFloor) expect(b.belowFloor).toBe(false);
        expect(a.belowFloor).toBe(lo < a.floorFen);
      }),
    );
  });
});
