import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_GRADING_POLICY } from "./grading-policy.ts";
import type { GradingPolicy } from "./grading-policy.ts";
import { initialGrade } from "./initial-grade.ts";
import { checkProblem, mutated, reportedAt, usableCandidates, withValue, wrongTypeAt } from "./policy-fuzz-fixtures.ts";
import { QINSHUI_POLICY } from "./qinshui-policy.ts";
import { reviewGrade } from "./review-grade.ts";
import { SKILL_GRADE_ORDER, STAR_GRADES } from "./types.ts";
import { validateGradingPolicy } from "./validate-grading-policy.ts";

const D = DEFAULT_GRADING_POLICY;
const fields = (body: unknown) => validateGradingPolicy(body).map((p) => p.data.field);

describe("validateGradingPolicy", () => {
  it("passes Qinshui's grading policy", () => {
    expect(validateGradingPolicy(D)).toEqual([]);
    expect(validateGradingPolicy(QINSHUI_POLICY.grading)).toEqual([]);
  });

  it("names a missing review window in Chinese with its path", () => {
    const { windowDays: _w, ...review } = D.review;
    const [p, ...rest] = validateGradingPolicy({ ...D, review });
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ code: "policy.int_range", zh: "定期评定·统计天数（review.windowDays）：须为 1 至 3650 之间的整数", data: { field: "review.windowDays", min: 1, max: 3650 } });
  });

  it("refuses scores outside 1..5, shares outside 0..1, fractional stars and a zero prior weight", () => {
    const bad = structuredClone(D) as unknown as Record<string, Record<string, unknown>>;
    const review = bad.review as GradingPolicy["review"];
    review.promotion[2].minAttitude = 6;
    review.keep[4].minSatisfactionUb = 1.2;
    review.priorWeight = 0;
    review.z = 0;
    (bad.initial as GradingPolicy["initial"]).yearsBands[1]!.stars = 1.5;
    expect(fields(bad)).toEqual(["initial.yearsBands.1.stars", "review.z", "review.priorWeight", "review.promotion.2.minAttitude", "review.keep.4.minSatisfactionUb"]);
    expect(validateGradingPolicy(bad)[3]?.zh).toBe("定期评定·晋升条件·二星·服务态度平均分下限（review.promotion.2.minAttitude）：须为 1 至 5 之间的数");
  });

  it("refuses a keep threshold above the promotion threshold of the same grade, naming both", () => {
    const bad = structuredClone(D);
    bad.review.keep[3].minQuality = 4.2;
    const [p] = validateGradingPolicy(bad);
    expect(p?.code).toBe("policy.above");
    expect(p?.zh).toBe("定期评定·保级条件·三星·工作质量平均分下限（review.keep.3.minQuality）：不能大于定期评定·晋升条件·三星·工作质量平均分下限（review.promotion.3.minQuality）");
  });

  it("refuses unknown skill grades and sanction steps, repeats, and a missing grade", () => {
    const bad = structuredClone(D) as unknown as { initial: { skillBonuses: unknown[] }; review: { demotionSanctionKinds: unknown[]; promotion: Record<string, unknown> } };
    bad.initial.skillBonuses.push({ minSkill: "L9", stars: 1 });
    bad.review.demotionSanctionKinds = ["star_demotion", "star_demotion", "demote"];
    delete bad.review.promotion["5"];
    expect(fields(bad)).toEqual(["initial.skillBonuses.2.minSkill", "review.promotion.5", "review.demotionSanctionKinds.1", "review.demotionSanctionKinds.2"]);
    expect(validateGradingPolicy([])).toMatchObject([{ code: "policy.not_object" }]);
  });
});

const date = fc.integer({ min: 0, max: 800 }).map((d) => new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const score = fc.integer({ min: 1, max: 5 });
const reviewInput = fc.record({
  current: fc.constantFrom(...STAR_GRADES),
  status: fc.constantFrom("active", "probation", "expelled" as const),
  ratings: fc.array(fc.record({ date, attitude: score, quality: score, satisfied: fc.boolean() }), { maxLength: 40 }),
  complaints: fc.array(fc.record({ date, upheld: fc.boolean() }), { maxLength: 5 }),
  sanctions: fc.array(fc.record({ date, kind: fc.constantFrom("criticism", "star_demotion", "probation"), gradeApplied: fc.boolean() }), { maxLength: 3 }),
  jobsCompleted: fc.integer({ min: 0, max: 60 }),
});

describe("validateGradingPolicy properties", () => {
  it("every problem has a policy code, Chinese naming the field, English, and a path of the body or the default", () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 5, arbitrary: mutated(D) }, { weight: 1, arbitrary: fc.anything() }), (body) => {
        for (const p of validateGradingPolicy(body)) checkProblem(p, D, body);
      }),
      { numRuns: 300 },
    );
  });

  it("a field set to a wrong type is reported at that field or the part holding it", () => {
    fc.assert(
      fc.property(wrongTypeAt(D), ([path, wrong]) => {
        expect(reportedAt(validateGradingPolicy(withValue(D, path, wrong)), path)).toBe(true);
      }),
    );
  });

  it("a policy that passes grades any worker without throwing: initial grade within its cap, review one step at most", () => {
    let used = 0;
    fc.assert(
      fc.property(usableCandidates(D), reviewInput, fc.integer({ min: 0, max: 40 }), fc.constantFrom(...SKILL_GRADE_ORDER), (body, input, years, skill) => {
        if (validateGradingPolicy(body).length > 0) return;
        used++;
        const policy = body as unknown as GradingPolicy;
        const first = initialGrade(policy, { workYears: years, skillGrade: skill, hasVerifiedReferences: true });
        expect(first.grade).toBeLessThanOrEqual(policy.initial.maxGrade);
        const r = reviewGrade(policy, { ...input, today: "2025-03-01" });
        expect(STAR_GRADES).toContain(r.next);
        expect(r.next - input.current).toBe(r.change);
        for (const v of [r.stats.attitude, r.stats.quality, r.stats.satisfactionLb, r.stats.complaintRateLb]) expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 1500 },
    );
    // The property must have been exercised on more than a handful of valid bodies.
    expect(used).toBeGreaterThan(50);
  });
});
