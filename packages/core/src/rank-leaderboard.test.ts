import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./dates.ts";
import { DEFAULT_LEADERBOARD_POLICY, rankLeaderboard } from "./rank-leaderboard.ts";
import type { LeaderboardCandidate, LeaderboardPolicy } from "./rank-leaderboard.ts";
import { toStarGrade } from "./types.ts";

const P = DEFAULT_LEADERBOARD_POLICY;
const TODAY = "2025-06-30";
const ago = (d: number): string => addDays(TODAY, -d);

/** `jobs` completed jobs on consecutive days ending `startAgo` days ago; the first `satisfied` of `rated` satisfied. */
function worker(id: string, jobs: number, rated: number, satisfied: number, over: Partial<LeaderboardCandidate> = {}): LeaderboardCandidate {
  return {
    id,
    stars: 3,
    completedJobs: Array.from({ length: jobs }, (_, i) => ago(i)),
    ratings: Array.from({ length: rated }, (_, i) => ({ date: ago(i), satisfied: i < satisfied })),
    ...over,
  };
}
const rank = (cs: LeaderboardCandidate[], p: LeaderboardPolicy = P) => rankLeaderboard(p, { today: TODAY, candidates: cs });
const ids = (cs: LeaderboardCandidate[], p: LeaderboardPolicy = P) => rank(cs, p).entries.map((e) => e.id);

describe("rankLeaderboard examples (Qinshui defaults: 90 days, 5 jobs, 3 ratings)", () => {
  it("1 satisfied job of 1 does not beat 48 of 50, even with a lower minimum", () => {
    const loose = { ...P, minJobs: 1, minRated: 1 };
    const r = rank([worker("a-newcomer", 1, 1, 1), worker("b-veteran", 50, 50, 48)], loose);
    expect(r.entries.map((e) => e.id)).toEqual(["b-veteran", "a-newcomer"]);
    expect(r.entries[0]?.satisfactionLb).toBeGreaterThan(0.85);
    expect(r.entries[1]?.satisfactionLb).toBeLessThan(0.25);
    expect(r.entries[0]).toMatchObject({ rank: 1, jobs: 50, rated: 50, satisfied: 48, satisfactionRate: 0.96 });
  });

  it("leaves out workers with too few jobs or ratings, upheld complaints or a sanction standing, with reasons", () => {
    const r = rank([
      worker("few-jobs", 4, 4, 4),
      worker("few-ratings", 10, 2, 2),
      worker("complained", 20, 20, 20, { upheldComplaints: [ago(10)] }),
      worker("probation", 20, 20, 20, { status: "probation" }),
      worker("ok", 5, 3, 3),
    ]);
    expect(r.entries.map((e) => e.id)).toEqual(["ok"]);
    expect(r.eligible).toBe(1);
    const codes = Object.fromEntries(r.excluded.map((x) => [x.id, x.reasons.map((w) => w.code)]));
    expect(codes).toEqual({
      complained: ["leaderboard.complaints"],
      "few-jobs": ["leaderboard.few_jobs"],
      "few-ratings": ["leaderboard.few_ratings"],
      probation: ["leaderboard.status"],
    });
  });

  it("counts only the window: today and the 89 days before it", () => {
    const edge = worker("edge", 0, 0, 0, {
      completedJobs: [ago(0), ago(89), ago(89), ago(89), ago(89), ago(90), ago(200), addDays(TODAY, 1)],
      ratings: [ago(89), ago(89), ago(89), { date: ago(90), satisfied: false }].map((d) => (typeof d === "string" ? { date: d, satisfied: true } : d)),
    });
    const r = rank([edge]);
    expect(r.window).toEqual({ from: ago(89), to: TODAY });
    expect(r.entries[0]).toMatchObject({ jobs: 5, rated: 3, satisfied: 3 });
    expect(r.entries[0]?.reasons[0]?.zh).toContain("近90天完成5单");
  });

  it("an old complaint outside the window no longer blocks", () => {
    expect(ids([worker("w", 10, 10, 10, { upheldComplaints: [ago(120)] })])).toEqual(["w"]);
  });

  it("breaks ties by jobs, then stars, then id", () => {
    const sameRate = [
      worker("c", 10, 10, 10, { stars: 5 }),
      worker("b", 12, 10, 10, { stars: 1 }),
      worker("a", 10, 10, 10, { stars: 5 }),
      worker("d", 10, 10, 10, { stars: 2 }),
    ];
    expect(ids(sameRate)).toEqual(["b", "a", "c", "d"]);
    expect(rank(sameRate).entries.map((e) => e.rank)).toEqual([1, 2, 3, 4]);
  });

  it("shows at most `size` places", () => {
    const many = Array.from({ length: 30 }, (_, i) => worker(`w${String(i).padStart(2, "0")}`, 10, 10, 10 - (i % 4)));
    const r = rank(many, { ...P, size: 7 });
    expect(r.entries).toHaveLength(7);
    expect(r.eligible).toBe(30);
  });

  it("refuses a bad policy, a bad date or a repeated id", () => {
    expect(() => rank([], { ...P, windowDays: 0 })).toThrow(RangeError);
    expect(() => rank([], { ...P, minRated: 0 })).toThrow(RangeError);
    expect(() => rank([], { ...P, size: 1.5 })).toThrow(RangeError);
    expect(() => rankLeaderboard(P, { today: "2025-02-30", candidates: [] })).toThrow(RangeError);
    expect(() => rank([worker("x", 5, 3, 3, { completedJobs: ["2025-13-01"] })])).toThrow(RangeError);
    expect(() => rank([worker("x", 5, 3, 3), worker("x", 6, 3, 3)])).toThrow(RangeError);
  });
});

const arbCandidate = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  stars: fc.integer({ min: 0, max: 5 }).map(toStarGrade),
  status: fc.constantFrom("active", "active", "active", "probation", "expelled") as fc.Arbitrary<"active" | "probation" | "expelled">,
  completedJobs: fc.array(fc.integer({ min: -2, max: 120 }).map(ago), { maxLength: 25 }),
  ratings: fc.array(fc.record({ date: fc.integer({ min: -2, max: 120 }).map(ago), satisfied: fc.boolean() }), { maxLength: 25 }),
  upheldComplaints: fc.array(fc.integer({ min: 0, max: 200 }).map(ago), { maxLength: 2 }),
});
const arbCandidates = fc.uniqueArray(arbCandidate, { selector: (c) => c.id, maxLength: 30 });
const arbPolicy = fc.record({
  version: fc.constant("t"),
  windowDays: fc.integer({ min: 1, max: 120 }),
  minJobs: fc.integer({ min: 0, max: 6 }),
  minRated: fc.integer({ min: 1, max: 6 }),
  maxUpheldComplaints: fc.integer({ min: 0, max: 1 }),
  z: fc.constant(1.96),
  size: fc.integer({ min: 1, max: 40 }),
});

describe("rankLeaderboard properties", () => {
  it("the order of the input does not matter (ties are broken deterministically)", () => {
    fc.assert(
      fc.property(arbPolicy, arbCandidates.chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length }))), (p, [cs, shuffled]) => {
        expect(rank(shuffled, p)).toEqual(rank(cs, p));
      }),
    );
  });

  it("every listed worker meets the policy, and satisfaction bounds never rise down the board", () => {
    fc.assert(
      fc.property(arbPolicy, arbCandidates, (p, cs) => {
        const r = rank(cs, p);
        expect(r.entries.length).toBe(Math.min(p.size, r.eligible));
        expect(r.eligible + r.excluded.length).toBe(cs.length);
        r.entries.forEach((e, i) => {
          expect(e.rank).toBe(i + 1);
          expect(e.jobs).toBeGreaterThanOrEqual(p.minJobs);
          expect(e.rated).toBeGreaterThanOrEqual(p.minRated);
          expect(cs.find((c) => c.id === e.id)?.status).toBe("active");
          const next = r.entries[i + 1];
          if (next) expect(next.satisfactionLb).toBeLessThanOrEqual(e.satisfactionLb);
        });
      }),
    );
  });

  it("one more satisfied job today never moves a listed worker down", () => {
    fc.assert(
      fc.property(arbPolicy, arbCandidates, fc.nat(), (p, cs, pick) => {
        const before = rank(cs, { ...p, size: 1000 });
        const target = before.entries[pick % Math.max(1, before.entries.length)];
        if (!target) return;
        const better = cs.map((c) =>
          c.id === target.id ? { ...c, completedJobs: [...c.completedJobs, TODAY], ratings: [...c.ratings, { date: TODAY, satisfied: true }] } : c,
        );
        const after = rank(better, { ...p, size: 1000 });
        expect(after.entries.find((e) => e.id === target.id)?.rank).toBeLessThanOrEqual(target.rank);
      }),
    );
  });
});
