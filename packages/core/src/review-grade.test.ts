import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./dates.ts";
import { DEFAULT_GRADING_POLICY } from "./grading-policy.ts";
import type { WorkerStatus } from "./grading-policy.ts";
import { replayGrade, reviewGrade } from "./review-grade.ts";
import type { GradeEvent, JobRating, ReviewInput } from "./review-grade.ts";
import { toStarGrade } from "./types.ts";

const P = DEFAULT_GRADING_POLICY;
const TODAY = "2024-06-30";
const good = (daysAgo: number): JobRating => ({ date: addDays(TODAY, -daysAgo), attitude: 5, quality: 5, satisfied: true });
const bad = (daysAgo: number): JobRating => ({ date: addDays(TODAY, -daysAgo), attitude: 2, quality: 2, satisfied: false });
const input = (over: Partial<ReviewInput>): ReviewInput => ({ current: 2, today: TODAY, status: "active", ratings: [], complaints: [], sanctions: [], ...over });
const codes = (r: { reasons: { code: string }[] }): string[] => r.reasons.map((x) => x.code);

describe("reviewGrade examples (Qinshui defaults)", () => {
  it("promotes one level on a sustained good record", () => {
    const r = reviewGrade(P, input({ current: 2, ratings: Array.from({ length: 12 }, (_, i) => good(i * 5)) }));
    expect(r.change).toBe(1);
    expect(r.next).toBe(3);
    expect(codes(r)).toContain("review.promoted");
    expect(r.stats.ratedJobs).toBe(12);
    expect(r.stats.satisfactionLb).toBeCloseTo(0.7575, 3);
  });
  it("needs the minimum number of rated jobs: one perfect job is not enough", () => {
    const r = reviewGrade(P, input({ current: 0, ratings: [good(1)] }));
    expect(r.change).toBe(0);
    expect(codes(r)).toContain("review.no_promotion.too_few_jobs");
    expect(r.reasons.find((x) => x.code === "review.no_promotion.too_few_jobs")?.data).toEqual({ ratedJobs: 1, required: 5 });
  });
  it("thresholds rise with the target grade: 12 good jobs lift 2->3 but not 4->5", () => {
    const ratings = Array.from({ length: 12 }, (_, i) => good(i));
    expect(reviewGrade(P, input({ current: 4, ratings })).change).toBe(0);
    expect(reviewGrade(P, input({ current: 4, ratings: Array.from({ length: 25 }, (_, i) => good(i)) })).change).toBe(1);
  });
  it("uses only the last windowDays days and the most recent windowMaxJobs jobs", () => {
    const old = Array.from({ length: 20 }, (_, i) => good(200 + i));
    expect(reviewGrade(P, input({ current: 1, ratings: old })).stats.ratedJobs).toBe(0);
    const many = [...Array.from({ length: 30 }, (_, i) => good(i)), ...Array.from({ length: 10 }, (_, i) => bad(40 + i))];
    const r = reviewGrade(P, input({ current: 3, ratings: many }));
    expect(r.stats.ratedJobs).toBe(30);
    expect(r.stats.satisfied).toBe(30);
    // ratings dated after today are not counted
    expect(reviewGrade(P, input({ ratings: [{ ...good(0), date: addDays(TODAY, 1) }] })).stats.ratedJobs).toBe(0);
  });
  it("demotes one level when satisfaction is clearly low", () => {
    const ratings = [...Array.from({ length: 8 }, (_, i) => bad(i)), good(9), good(10)];
    const r = reviewGrade(P, input({ current: 4, ratings }));
    expect(r.change).toBe(-1);
    expect(r.next).toBe(3);
    expect(codes(r)).toEqual(expect.arrayContaining(["review.demote.satisfaction", "review.demote.quality", "review.demoted"]));
  });
  it("one bad job alone does not demote (small-sample aware)", () => {
    expect(reviewGrade(P, input({ current: 3, ratings: [bad(1)] })).change).toBe(0);
    expect(reviewGrade(P, input({ current: 5, ratings: [{ ...bad(1), quality: 1 }] })).change).toBe(0);
    expect(reviewGrade(P, input({ current: 5, ratings: [bad(1), bad(2)] })).change).toBe(-1);
  });
  it("demotes on an upheld complaint rate above the limit, not on a single complaint in many jobs", () => {
    const ratings = Array.from({ length: 20 }, (_, i) => good(i));
    const one = reviewGrade(P, input({ current: 3, ratings, complaints: [{ date: addDays(TODAY, -3), upheld: true }] }));
    expect(one.change).toBe(0);
    expect(codes(one)).toContain("review.no_promotion.complaints");
    const four = reviewGrade(P, input({ current: 3, ratings: ratings.slice(0, 10), complaints: Array.from({ length: 4 }, (_, i) => ({ date: addDays(TODAY, -i), upheld: true })) }));
    expect(four.change).toBe(-1);
    expect(codes(four)).toContain("review.demote.complaints");
    const rejected = reviewGrade(P, input({ current: 3, ratings, complaints: [{ date: TODAY, upheld: false }] }));
    expect(rejected.stats.upheldComplaints).toBe(0);
  });
  it("a demotion sanction demotes once: not again when its grade change was applied", () => {
    const ratings = Array.from({ length: 20 }, (_, i) => good(i));
    const fresh = reviewGrade(P, input({ current: 3, ratings, sanctions: [{ date: TODAY, kind: "star_demotion" }] }));
    expect(fresh.change).toBe(-1);
    expect(codes(fresh)).toContain("review.demote.sanction");
    const applied = reviewGrade(P, input({ current: 3, ratings, sanctions: [{ date: TODAY, kind: "star_demotion", gradeApplied: true }] }));
    expect(applied.change).toBe(0);
    expect(codes(applied)).toContain("review.no_promotion.sanction");
    const reversed = reviewGrade(P, input({ current: 3, ratings, sanctions: [{ date: TODAY, kind: "star_demotion", reversed: true }] }));
    expect(reversed.change).toBe(1);
    const criticism = reviewGrade(P, input({ current: 3, ratings, sanctions: [{ date: TODAY, kind: "criticism" }] }));
    expect(criticism.change).toBe(0);
  });
  it("never promotes on probation or when expelled", () => {
    const ratings = Array.from({ length: 30 }, (_, i) => good(i));
    for (const status of ["probation", "expelled"] as const) {
      const r = reviewGrade(P, input({ current: 2, status, ratings }));
      expect(r.change).toBe(0);
      expect(codes(r)).toContain("review.no_promotion.status");
    }
  });
  it("stays at the ends of the scale", () => {
    expect(reviewGrade(P, input({ current: 5, ratings: Array.from({ length: 30 }, (_, i) => good(i)) })).next).toBe(5);
    const complaints = Array.from({ length: 3 }, (_, i) => ({ date: addDays(TODAY, -i), upheld: true }));
    const low = reviewGrade(P, input({ current: 0, ratings: Array.from({ length: 10 }, (_, i) => bad(i)), complaints }));
    expect(low.next).toBe(0);
    expect(codes(low)).toContain("review.at_lowest");
  });
  it("rejects scores outside 1..5, naming the field", () => {
    expect(() => reviewGrade(P, input({ ratings: [{ ...good(0), quality: 7 }] }))).toThrow("ratings[0].quality");
    expect(() => reviewGrade(P, input({ jobsCompleted: -2 }))).toThrow(/jobsCompleted/);
    expect(() => reviewGrade(P, input({ ratings: [{ ...good(0), date: "2024-02-30" }] }))).toThrow(/calendar date/);
  });
});

describe("replayGrade", () => {
  it("applies events in order with clamping", () => {
    const events: GradeEvent[] = [
      { kind: "review", change: 1 },
      { kind: "sanction_demotion" },
      { kind: "reversal", of: "sanction_demotion", change: -1 },
      { kind: "review", change: 1 },
      { kind: "manual", to: 1 },
      { kind: "review", change: -1 },
      { kind: "sanction_demotion" },
    ];
    expect(replayGrade(P, 2, events)).toBe(0);
    expect(replayGrade(P, 5, [{ kind: "review", change: 1 }])).toBe(5);
    expect(replayGrade(P, 3, [])).toBe(3);
  });
});

// ---- properties ----
const grade = fc.integer({ min: 0, max: 5 }).map((n) => toStarGrade(n));
const status = fc.constantFrom<WorkerStatus>("active", "probation", "expelled");
const score = fc.integer({ min: 1, max: 5 });
const rating = fc.record({ date: fc.integer({ min: -5, max: 260 }).map((d) => addDays(TODAY, -d)), attitude: score, quality: score, satisfied: fc.boolean() });
const reviewInput = fc.record({
  current: grade,
  today: fc.constant(TODAY),
  status,
  ratings: fc.array(rating, { maxLength: 45 }),
  complaints: fc.array(fc.record({ date: fc.integer({ min: 0, max: 200 }).map((d) => addDays(TODAY, -d)), upheld: fc.boolean() }), { maxLength: 5 }),
  sanctions: fc.array(
    fc.record({ date: fc.integer({ min: 0, max: 200 }).map((d) => addDays(TODAY, -d)), kind: fc.constantFrom("criticism", "star_demotion"), reversed: fc.boolean(), gradeApplied: fc.boolean() }),
    { maxLength: 2 },
  ),
  jobsCompleted: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
});

describe("reviewGrade laws", () => {
  it("never moves more than one level and stays in 0..5", () => {
    fc.assert(
      fc.property(reviewInput, (i) => {
        const r = reviewGrade(P, i);
        return Math.abs(r.next - i.current) <= 1 && r.next === i.current + r.change && r.next >= 0 && r.next <= 5;
      }),
    );
  });
  it("adding a good rating (5/5 satisfied, within the window) never lowers the outcome", () => {
    fc.assert(
      fc.property(reviewInput, fc.integer({ min: 0, max: 179 }), (i, daysAgo) => {
        const before = reviewGrade(P, i).next;
        const after = reviewGrade(P, { ...i, ratings: [...i.ratings, good(daysAgo)] }).next;
        return after >= before;
      }),
      { numRuns: 500 },
    );
  });
  it("probation or expelled is never promoted; expelled stays or goes down", () => {
    fc.assert(
      fc.property(reviewInput, fc.constantFrom<WorkerStatus>("probation", "expelled"), (i, s) => reviewGrade(P, { ...i, status: s }).next <= i.current),
    );
  });
  it("an upheld complaint never raises the outcome", () => {
    fc.assert(
      fc.property(reviewInput, fc.integer({ min: 0, max: 179 }), (i, daysAgo) => {
        const before = reviewGrade(P, i).next;
        const after = reviewGrade(P, { ...i, complaints: [...i.complaints, { date: addDays(TODAY, -daysAgo), upheld: true }] }).next;
        return after <= before;
      }),
      { numRuns: 500 },
    );
  });
  it("is deterministic", () => {
    fc.assert(fc.property(reviewInput, (i) => JSON.stringify(reviewGrade(P, i)) === JSON.stringify(reviewGrade(P, structuredClone(i)))));
  });
  it("replayGrade stays in 0..5 and a reversal right after its event restores the grade when unclamped", () => {
    const ev = fc.oneof(
      fc.record({ kind: fc.constant("review" as const), change: fc.constantFrom(-1 as const, 0 as const, 1 as const) }),
      fc.constant({ kind: "sanction_demotion" as const }),
      fc.record({ kind: fc.constant("manual" as const), to: grade }),
    );
    fc.assert(
      fc.property(grade, fc.array(ev, { maxLength: 20 }), (g0, events) => {
        const g = replayGrade(P, g0, events);
        if (g < 1 || g > 4) return g >= 0 && g <= 5;
        const withPair = replayGrade(P, g0, [...events, { kind: "sanction_demotion" }, { kind: "reversal", of: "sanction_demotion", change: -1 }]);
        return withPair === g;
      }),
    );
  });
});
