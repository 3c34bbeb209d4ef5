import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_GRADING_POLICY } from "./grading-policy.ts";
import type { GradingPolicy } from "./grading-policy.ts";
import { initialGrade } from "./initial-grade.ts";
import { SKILL_GRADE_ORDER, skillGradeRank, toStarGrade } from "./types.ts";
import type { SkillGrade } from "./types.ts";

const P = DEFAULT_GRADING_POLICY;

describe("initialGrade examples (Qinshui defaults)", () => {
  it("no history and no skill grade is no star", () => {
    const r = initialGrade(P, { workYears: 0, skillGrade: "none" });
    expect(r.grade).toBe(0);
    expect(r.reasons.map((x) => x.code)).toEqual(["initial.work_history", "initial.result"]);
    expect(r.reasons[0]?.zh).toContain("0 年");
  });
  it("1 to 3 years gives one star, 3 or more two", () => {
    expect(initialGrade(P, { workYears: 0.5, skillGrade: "none" }).grade).toBe(0);
    expect(initialGrade(P, { workYears: 1, skillGrade: "none" }).grade).toBe(1);
    expect(initialGrade(P, { workYears: 2.9, skillGrade: "L5" }).grade).toBe(1);
    expect(initialGrade(P, { workYears: 3, skillGrade: "none" }).grade).toBe(2);
  });
  it("skill grade L4 adds one, L2 adds another, capped at 3", () => {
    expect(initialGrade(P, { workYears: 0, skillGrade: "L4" }).grade).toBe(1);
    expect(initialGrade(P, { workYears: 0, skillGrade: "L2" }).grade).toBe(2);
    expect(initialGrade(P, { workYears: 2, skillGrade: "L3" }).grade).toBe(2);
    const top = initialGrade(P, { workYears: 20, skillGrade: "L1" });
    expect(top.grade).toBe(3);
    const capped = top.reasons.find((x) => x.code === "initial.capped");
    expect(capped?.data).toEqual({ computed: 4, maxGrade: 3 });
  });
  it("verified references count only when the policy gives a bonus", () => {
    expect(initialGrade(P, { workYears: 1, skillGrade: "none", hasVerifiedReferences: true }).grade).toBe(1);
    const county: GradingPolicy = { ...P, initial: { ...P.initial, verifiedReferencesBonus: 1 } };
    const r = initialGrade(county, { workYears: 1, skillGrade: "none", hasVerifiedReferences: true });
    expect(r.grade).toBe(2);
    expect(r.reasons.some((x) => x.code === "initial.verified_references")).toBe(true);
  });
  it("rejects negative or missing years", () => {
    expect(() => initialGrade(P, { workYears: -1, skillGrade: "none" })).toThrow(/workYears/);
    expect(() => initialGrade(P, { workYears: Number.NaN, skillGrade: "none" })).toThrow(RangeError);
  });
});

const skill = fc.constantFrom<SkillGrade>(...SKILL_GRADE_ORDER);
const years = fc.double({ min: 0, max: 60, noNaN: true });

describe("initialGrade laws", () => {
  it("more years or a higher skill grade never gives a lower initial grade", () => {
    fc.assert(
      fc.property(years, years, skill, skill, fc.boolean(), (y1, y2, s1, s2, refs) => {
        const [ylo, yhi] = y1 <= y2 ? [y1, y2] : [y2, y1];
        const [slo, shi] = skillGradeRank(s1) <= skillGradeRank(s2) ? [s1, s2] : [s2, s1];
        const lo = initialGrade(P, { workYears: ylo, skillGrade: slo, hasVerifiedReferences: refs }).grade;
        const hi = initialGrade(P, { workYears: yhi, skillGrade: shi, hasVerifiedReferences: refs }).grade;
        return hi >= lo;
      }),
    );
  });
  it("always 0..5 and never above maxGrade", () => {
    fc.assert(
      fc.property(years, skill, fc.boolean(), fc.integer({ min: 0, max: 5 }), (y, s, refs, max) => {
        const policy: GradingPolicy = { ...P, initial: { ...P.initial, verifiedReferencesBonus: 2, maxGrade: toStarGrade(max) } };
        const g = initialGrade(policy, { workYears: y, skillGrade: s, hasVerifiedReferences: refs }).grade;
        return g >= 0 && g <= 5 && g <= max && Number.isInteger(g);
      }),
    );
  });
});
