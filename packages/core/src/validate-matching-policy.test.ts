import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prepareCandidates } from "./candidate-pool.ts";
import { drawLottery, lotteryWeights } from "./draw-lottery.ts";
import { DEFAULT_MATCHING_POLICY } from "./matching-policy.ts";
import type { MatchingPolicy } from "./matching-policy.ts";
import { checkProblem, mutated, reportedAt, usableCandidates, withValue, wrongTypeAt } from "./policy-fuzz-fixtures.ts";
import { QINSHUI_POLICY } from "./qinshui-policy.ts";
import { rankCandidates } from "./rank-candidates.ts";
import { ORDER, TODAY, worker } from "./rank-test-fixtures.ts";
import { SKILL_GRADE_ORDER, STAR_GRADES } from "./types.ts";
import { validateMatchingPolicy } from "./validate-matching-policy.ts";

const D = DEFAULT_MATCHING_POLICY;
const fields = (body: unknown) => validateMatchingPolicy(body).map((p) => p.data.field);

describe("validateMatchingPolicy", () => {
  it("passes Qinshui's matching policy, and one with a township map", () => {
    expect(validateMatchingPolicy(D)).toEqual([]);
    expect(validateMatchingPolicy(QINSHUI_POLICY.matching)).toEqual([]);
    expect(validateMatchingPolicy({ ...D, proximity: { ...D.proximity, adjacency: { 龙港镇: ["郑村镇", "端氏镇"] } } })).toEqual([]);
  });

  it("refuses a negative or text weight in Chinese naming the field", () => {
    const problems = validateMatchingPolicy({ ...D, weights: { ...D.weights, stars: -5, rotation: "20" } });
    expect(problems.map((p) => p.zh)).toEqual(["各项分值·星级（weights.stars）：须为 0 至 100 之间的数", "各项分值·公平轮换（weights.rotation）：须为 0 至 100 之间的数"]);
    expect(problems[0]).toMatchObject({ code: "policy.num_range", en: "Score weights › Stars (weights.stars): must be a number from 0 to 100", data: { field: "weights.stars", min: 0, max: 100 } });
  });

  it("refuses weights that add up to nothing, zero caps and prior weight, a fractional lottery weight, and a bad township map", () => {
    const bad = {
      ...D,
      weights: { skillFit: 0, stars: 0, satisfaction: 0, proximity: 0, rotation: 0 },
      satisfaction: { priorMean: 0.8, priorWeight: 0 },
      proximity: { ...D.proximity, elsewhere: 1.5, adjacency: { 龙港镇: "郑村镇", 端氏镇: ["", 3] } },
      rotation: { idleDaysCap: 0, idleShare: 0.6, earningsCapFen: 0 },
      excludeProbation: "yes",
      lottery: { baseWeight: 0, rotationWeight: 2.5 },
    };
    expect(fields(bad)).toEqual([
      "weights",
      "satisfaction.priorWeight",
      "proximity.elsewhere",
      "proximity.adjacency.龙港镇",
      "proximity.adjacency.端氏镇.0",
      "proximity.adjacency.端氏镇.1",
      "rotation.idleDaysCap",
      "rotation.earningsCapFen",
      "excludeProbation",
      "lottery.baseWeight",
      "lottery.rotationWeight",
    ]);
    expect(validateMatchingPolicy(bad)[0]?.zh).toBe("各项分值（weights）：各项合计须大于 0");
  });
});

const date = fc.integer({ min: 0, max: 120 }).map((d) => new Date(Date.UTC(2024, 3, 1) + d * 86_400_000).toISOString().slice(0, 10));
const candidates = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    grade: fc.constantFrom(...SKILL_GRADE_ORDER),
    stars: fc.constantFrom(...STAR_GRADES),
    rated: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50 })),
    sat: fc.integer({ min: 0, max: 50 }),
    township: fc.option(fc.constantFrom("龙港镇", "郑村镇", "端氏镇"), { nil: undefined }),
    status: fc.constantFrom("active", "probation", "expelled" as const),
    lastJobDate: fc.option(date, { nil: undefined }),
    earnings30dFen: fc.integer({ min: -100, max: 2_000_000 }),
  }),
  { selector: (c) => c.id, maxLength: 30 },
);

describe("validateMatchingPolicy properties", () => {
  it("every problem has a policy code, Chinese naming the field, English, and a path of the body or the default", () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 5, arbitrary: mutated(D, ["proximity.adjacency.龙港镇"]) }, { weight: 1, arbitrary: fc.anything() }), (body) => {
        for (const p of validateMatchingPolicy(body)) checkProblem(p, D, body);
      }),
      { numRuns: 300 },
    );
  });

  it("a field set to a wrong type is reported at that field or the part holding it", () => {
    fc.assert(
      fc.property(wrongTypeAt(D), ([path, wrong]) => {
        expect(reportedAt(validateMatchingPolicy(withValue(D, path, wrong)), path)).toBe(true);
      }),
    );
  });

  it("a policy that passes ranks any workers (as objects and as a pool) with finite scores within its weights, and weighs a lottery that draws", () => {
    let used = 0;
    fc.assert(
      fc.property(usableCandidates(D), candidates, fc.option(fc.constantFrom(...SKILL_GRADE_ORDER), { nil: undefined }), (body, cs, minSkillGrade) => {
        if (validateMatchingPolicy(body).length > 0) return;
        used++;
        const policy = body as unknown as MatchingPolicy;
        const workers = cs.map((c) =>
          worker(c.id, {
            trades: [{ code: ORDER.trade, skillGrade: c.grade }],
            stars: c.stars,
            ratedJobs: c.rated,
            satisfiedJobs: Math.min(c.sat, c.rated),
            township: c.township,
            status: c.status,
            lastJobDate: c.lastJobDate,
            earnings30dFen: c.earnings30dFen,
          }),
        );
        const order = minSkillGrade === undefined ? { ...ORDER, minSkillGrade: undefined } : { ...ORDER, minSkillGrade };
        const total = Object.values(policy.weights).reduce((a, b) => a + b, 0);
        const result = rankCandidates(policy, order, workers, { today: TODAY, topK: 10 });
        for (const r of result.ranked) {
          expect(Number.isFinite(r.score)).toBe(true);
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(total + 0.01);
        }
        expect(rankCandidates(policy, order, prepareCandidates(workers), { today: TODAY, topK: 10 }).ranked).toEqual(result.ranked);
        const entries = lotteryWeights(policy, workers, { today: TODAY });
        const draw = drawLottery({ seed: "s", candidates: entries, count: 3 });
        expect(draw.drawn).toHaveLength(Math.min(3, workers.length));
      }),
      { numRuns: 1500 },
    );
    expect(used).toBeGreaterThan(50);
  });
});
