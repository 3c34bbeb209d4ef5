import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./dates.ts";
import { DEFAULT_REWARD_POLICY, decideRewards, validateRewardPolicy } from "./rewards.ts";
import type { RewardInput } from "./rewards.ts";
import { toStarGrade } from "./types.ts";

const P = DEFAULT_REWARD_POLICY;
const TODAY = "2024-12-31";
const ago = (d: number): string => addDays(TODAY, -d);
const goodYear = (jobs: number, spacing: number): Pick<RewardInput, "ratings" | "completedJobs"> => ({
  completedJobs: Array.from({ length: jobs }, (_, i) => ago(i * spacing)),
  ratings: Array.from({ length: jobs }, (_, i) => ({ date: ago(i * spacing), satisfied: true })),
});
const base = (over: Partial<RewardInput>): RewardInput => ({
  today: TODAY,
  stars: 2,
  ratings: [],
  completedJobs: [],
  upheldComplaints: [],
  sanctions: [],
  activeSanctions: 0,
  lastRewards: [],
  ...over,
});
const kinds = (i: RewardInput): string[] => decideRewards(P, i).proposals.map((p) => p.kind);

describe("decideRewards examples (Qinshui defaults)", () => {
  it("40 satisfied jobs in 180 days: commendation, promotion recommendation and training", () => {
    const d = decideRewards(P, base({ ...goodYear(40, 4) }));
    expect(d.proposals.map((p) => p.kind)).toEqual(["commendation", "promotion_recommendation", "free_training"]);
    expect(d.proposals[0]?.reasons[0]?.data).toMatchObject({ jobs: 40, minJobs: 20, windowDays: 180 });
    expect(d.proposals[0]?.reasons[0]?.zh).toContain("建议内部表扬");
  });
  it("20 jobs with a lower satisfaction bound below 0.9 are not commended", () => {
    const g = goodYear(20, 5);
    expect(kinds(base(g))).not.toContain("commendation"); // LB(20/20) = 0.839
    expect(kinds(base(goodYear(35, 5)))).toContain("commendation");
  });
  it("an upheld complaint in the window blocks commendation", () => {
    expect(kinds(base({ ...goodYear(40, 4), upheldComplaints: [ago(10)] }))).toEqual([]);
  });
  it("annual honour needs top stars and a full clean year", () => {
    const year = goodYear(60, 6);
    expect(kinds(base({ ...year, stars: 4 }))).toContain("annual_honour");
    expect(kinds(base({ ...year, stars: 3 }))).not.toContain("annual_honour");
    expect(kinds(base({ ...year, stars: 5, sanctions: [{ date: ago(300) }] }))).not.toContain("annual_honour");
    expect(kinds(base({ ...year, stars: 5, sanctions: [{ date: ago(300), reversed: true }] }))).toContain("annual_honour");
    expect(kinds(base({ ...year, stars: 5, sanctions: [{ date: ago(400) }] }))).toContain("annual_honour");
  });
  it("no reward while any sanction is active or on probation", () => {
    const d = decideRewards(P, base({ ...goodYear(60, 3), stars: 5, activeSanctions: 1 }));
    expect(d.proposals).toEqual([]);
    expect(d.reasons[0]?.code).toBe("reward.blocked_by_sanction");
    expect(kinds(base({ ...goodYear(60, 3), status: "probation" }))).toEqual([]);
  });
  it("the same reward is not proposed again within its cooldown", () => {
    const d = decideRewards(P, base({ ...goodYear(40, 4), lastRewards: [{ kind: "commendation", date: ago(30) }] }));
    expect(d.proposals.map((p) => p.kind)).not.toContain("commendation");
    expect(d.reasons.map((r) => r.code)).toContain("reward.cooldown.commendation");
    expect(kinds(base({ ...goodYear(40, 4), lastRewards: [{ kind: "commendation", date: ago(200) }] }))).toContain("commendation");
  });
  it("explains when nothing is due", () => {
    expect(decideRewards(P, base({})).reasons.map((r) => r.code)).toEqual(["reward.none"]);
  });
});

const input = fc.record({
  today: fc.constant(TODAY),
  stars: fc.integer({ min: 0, max: 5 }).map(toStarGrade),
  // Mostly satisfied and recent, so the laws are exercised on records that do earn rewards.
  ratings: fc.array(fc.record({ date: fc.integer({ min: 0, max: 300 }).map(ago), satisfied: fc.oneof({ arbitrary: fc.constant(true), weight: 19 }, { arbitrary: fc.constant(false), weight: 1 }) }), { minLength: 10, maxLength: 70 }),
  completedJobs: fc.array(fc.integer({ min: 0, max: 300 }).map(ago), { minLength: 10, maxLength: 70 }),
  upheldComplaints: fc.array(fc.integer({ min: 0, max: 400 }).map(ago), { maxLength: 1 }),
  sanctions: fc.array(fc.record({ date: fc.integer({ min: 0, max: 400 }).map(ago), reversed: fc.boolean() }), { maxLength: 2 }),
  activeSanctions: fc.integer({ min: 0, max: 2 }),
  lastRewards: fc.constant([]),
});

describe("decideRewards laws", () => {
  it("the generator produces rewarded records (the laws below are not vacuous)", () => {
    const sample = fc.sample(input.map((i) => ({ ...i, activeSanctions: 0 })), { numRuns: 300, seed: 7 });
    expect(sample.filter((i) => kinds(i).length > 0).length).toBeGreaterThan(15);
  });
  it("no reward while any sanction is active", () => {
    fc.assert(fc.property(input, (i) => i.activeSanctions === 0 || decideRewards(P, i).proposals.length === 0));
  });
  it("an upheld complaint never adds a reward", () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 400 }), (i, d) => {
        const after = new Set(kinds({ ...i, upheldComplaints: [...i.upheldComplaints, ago(d)] }));
        return [...after].every((k) => kinds(i).includes(k));
      }),
    );
  });
  it("a satisfied completed job never removes a reward", () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 179 }), (i, d) => {
        const after = kinds({ ...i, ratings: [...i.ratings, { date: ago(d), satisfied: true }], completedJobs: [...i.completedJobs, ago(d)] });
        return kinds(i).every((k) => after.includes(k));
      }),
    );
  });
  it("is deterministic", () => {
    fc.assert(fc.property(input, (i) => JSON.stringify(decideRewards(P, i)) === JSON.stringify(decideRewards(P, structuredClone(i)))));
  });
});

describe("validateRewardPolicy", () => {
  it("accepts the default and names each broken field, by path and in Chinese and English", () => {
    expect(validateRewardPolicy(P)).toEqual([]);
    expect(validateRewardPolicy(null)).toEqual([{ code: "policy.not_object", zh: "政策内容须为 JSON 对象", en: "The policy must be a JSON object", data: { field: "" } }]);
    expect(validateRewardPolicy([P])).toMatchObject([{ code: "policy.not_object" }]);
    const broken = { ...P, version: "", windowDays: 0, commendation: { ...P.commendation, minSatisfactionLb: 1.5 }, annualHonour: { ...P.annualHonour, minStars: 6 } };
    expect(validateRewardPolicy(broken)).toEqual([
      { code: "policy.text", zh: "版本标识（version）：须为不超过 50 个字的非空文字", en: "Version id (version): must be non-empty text of at most 50 characters", data: { field: "version", max: 50 } },
      { code: "policy.int_range", zh: "统计天数（windowDays）：须为 1 至 3650 之间的整数", en: "Days of record counted (windowDays): must be a whole number from 1 to 3650", data: { field: "windowDays", min: 1, max: 3650 } },
      {
        code: "policy.share",
        zh: "内部表扬·满意率下限（commendation.minSatisfactionLb）：须在 0 至 1 之间",
        en: "Internal commendation › Minimum satisfaction (commendation.minSatisfactionLb): must be between 0 and 1",
        data: { field: "commendation.minSatisfactionLb", min: 0, max: 1 },
      },
      {
        code: "policy.int_range",
        zh: "年度荣誉·最低星级（annualHonour.minStars）：须为 0 至 5 之间的整数",
        en: "Annual honour › Lowest star grade (annualHonour.minStars): must be a whole number from 0 to 5",
        data: { field: "annualHonour.minStars", min: 0, max: 5 },
      },
    ]);
    const { freeTraining: _dropped, ...missing } = P;
    expect(validateRewardPolicy(missing)).toEqual([
      { code: "policy.missing", zh: "免费技能培训（freeTraining）：缺少这一项", en: "Free skills training (freeTraining): is missing", data: { field: "freeTraining" } },
    ]);
  });

  it("tells the bounds of each extra field, not only that it is out of range", () => {
    const broken = { ...P, commendation: { ...P.commendation, maxUpheldComplaints: -1 }, annualHonour: { ...P.annualHonour, cleanDays: 0 }, z: 7 };
    expect(validateRewardPolicy(broken).map((p) => [p.data.field, p.zh])).toEqual([
      ["z", "置信系数 z（z）：须为大于 0、不超过 5 的数"],
      ["commendation.maxUpheldComplaints", "内部表扬·成立投诉上限（commendation.maxUpheldComplaints）：须为 0 至 100000 之间的整数"],
      ["annualHonour.cleanDays", "年度荣誉·无投诉无处分天数（annualHonour.cleanDays）：须为 1 至 3650 之间的整数"],
    ]);
  });
});
