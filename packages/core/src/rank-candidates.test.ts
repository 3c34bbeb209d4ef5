import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNumber } from "./dates.ts";
import { DEFAULT_MATCHING_POLICY } from "./matching-policy.ts";
import type { MatchingPolicy } from "./matching-policy.ts";
import { EXCLUSION_CODES, isoDayNumberUnchecked, rankCandidates } from "./rank-candidates.ts";
import type { MatchCandidate, MatchOrder } from "./rank-candidates.ts";
import { ORDER, TODAY, worker } from "./rank-test-fixtures.ts";
import type { SkillGrade, StarGrade } from "./types.ts";

const P = DEFAULT_MATCHING_POLICY;

describe("rankCandidates: hard filters", () => {
  it("excludes each failing worker with its reason code and counts it under the first failing filter", () => {
    const order: MatchOrder = { ...ORDER, requiredCertificates: ["高处作业证"] };
    const ok = worker("ok", { certificates: ["高处作业证"] });
    const candidates = [
      ok,
      worker("a-expelled", { status: "expelled", certificates: ["高处作业证"] }),
      worker("b-probation", { status: "probation", certificates: ["高处作业证"] }),
      worker("c-trade", { trades: [{ code: "cleaning", skillGrade: "none" }], certificates: ["高处作业证"] }),
      worker("d-grade", { trades: [{ code: "6-29-01-01", skillGrade: "none" }], certificates: ["高处作业证"] }),
      worker("e-cert"),
      worker("f-busy", { certificates: ["高处作业证"], busy: [{ start: "2024-06-19", end: "2024-06-22" }] }),
      worker("g-expelled-and-busy", { status: "expelled", busy: [{ start: "2024-06-16", end: "2024-06-17" }] }),
    ];
    const r = rankCandidates(P, order, candidates, { today: TODAY, explain: true });
    expect(r.ranked.map((x) => x.id)).toEqual(["ok"]);
    expect(r.excludedCount).toBe(7);
    expect(r.eligibleCount).toBe(1);
    expect(r.excludedByReason).toEqual({ expelled: 2, on_probation: 1, wrong_trade: 1, grade_too_low: 1, missing_certificate: 1, busy_overlap: 1 });
    const codes = Object.fromEntries((r.excluded ?? []).map((e) => [e.id, e.reasons.map((x) => x.code)]));
    expect(codes["d-grade"]).toEqual(["grade_too_low"]);
    expect(codes["f-busy"]).toEqual(["busy_overlap"]);
    expect(codes["g-expelled-and-busy"]).toEqual(["expelled", "missing_certificate", "busy_overlap"]);
    expect(r.excluded?.find((e) => e.id === "e-cert")?.reasons[0]?.zh).toContain("高处作业证");
    expect(r.shortfall).toBe(1);
  });

  it("treats dispatch dates as inclusive: touching the first or last day overlaps, the day after does not", () => {
    const r = rankCandidates(
      P,
      ORDER,
      [worker("ends-on-start", { busy: [{ start: "2024-06-10", end: "2024-06-17" }] }), worker("starts-after", { busy: [{ start: "2024-06-20", end: "2024-06-21" }] })],
      { today: TODAY },
    );
    expect(r.ranked.map((x) => x.id)).toEqual(["starts-after"]);
    expect(r.excludedByReason.busy_overlap).toBe(1);
  });

  it("lets a policy keep workers on probation in the pool", () => {
    const policy: MatchingPolicy = { ...P, excludeProbation: false };
    const r = rankCandidates(policy, ORDER, [worker("p", { status: "probation" })], { today: TODAY });
    expect(r.ranked.map((x) => x.id)).toEqual(["p"]);
  });

  it("does not include excluded workers in explain output unless asked", () => {
    const r = rankCandidates(P, ORDER, [worker("x", { status: "expelled" })], { today: TODAY });
    expect(r.excluded).toBeUndefined();
    expect(r.excludedCount).toBe(1);
  });

  it("rejects malformed orders naming the field", () => {
    expect(() => rankCandidates(P, { ...ORDER, endDate: "2024-06-01" }, [], { today: TODAY })).toThrow(/endDate/);
    expect(() => rankCandidates(P, { ...ORDER, headcount: 0 }, [], { today: TODAY })).toThrow(/headcount/);
    expect(() => rankCandidates(P, ORDER, [], { today: "2024-13-01" })).toThrow(RangeError);
    expect(() => rankCandidates(P, ORDER, [], { today: TODAY, topK: 0 })).toThrow(/topK/);
  });

  it("names an eligible worker whose record is malformed instead of ranking a NaN", () => {
    expect(() => rankCandidates(P, ORDER, [worker("bad", { ratedJobs: Number.NaN })], { today: TODAY })).toThrow(/candidate bad/);
    expect(() => rankCandidates(P, ORDER, [worker("bad2", { earnings30dFen: Number.NaN })], { today: TODAY })).toThrow(/candidate bad2/);
  });
});

describe("rankCandidates: soft score", () => {
  it("scores each part as documented and explains it", () => {
    const r = rankCandidates(P, ORDER, [worker("w")], { today: TODAY });
    const w = r.ranked[0]!;
    // L4 against minimum L5: 0.7 + 0.1 = 0.8 of 25; 3 stars of 5 of 20; (9 + 4) / (10 + 5) of 25;
    // same township 10; idle 14 days: 0.6 × 14/30 + 0.4 × (1 - 200000/600000) of 20.
    expect(w.breakdown.skillFit).toBeCloseTo(20, 2);
    expect(w.breakdown.stars).toBeCloseTo(12, 2);
    expect(w.breakdown.satisfaction).toBeCloseTo(21.67, 2);
    expect(w.breakdown.proximity).toBeCloseTo(10, 2);
    expect(w.breakdown.rotation).toBeCloseTo(20 * (0.6 * (14 / 30) + 0.4 * (2 / 3)), 2);
    expect(w.score).toBeCloseTo(20 + 12 + 21.667 + 10 + 20 * (0.6 * (14 / 30) + 0.4 * (2 / 3)), 1);
    expect(w.reasons.map((x) => x.code)).toEqual(["skill_fit", "stars", "satisfaction", "proximity", "rotation"]);
    expect(w.reasons.find((x) => x.code === "rotation")?.zh).toContain("14 天");
  });

  it("does not let 1 good job of 1 beat 98 of 100 (small samples shrink)", () => {
    const r = rankCandidates(P, ORDER, [worker("one", { ratedJobs: 1, satisfiedJobs: 1 }), worker("many", { ratedJobs: 100, satisfiedJobs: 98 })], { today: TODAY });
    expect(r.ranked[0]!.id).toBe("many");
  });

  it("prefers the same township, then a neighbour, then elsewhere", () => {
    const policy: MatchingPolicy = { ...P, proximity: { ...P.proximity, adjacency: { 郑村镇: ["龙港镇"] } } };
    const r = rankCandidates(policy, ORDER, [worker("far", { township: "十里乡" }), worker("near", { township: "郑村镇" }), worker("same")], { today: TODAY });
    expect(r.ranked.map((x) => x.id)).toEqual(["same", "near", "far"]);
  });

  it("rotates work: a long-idle, low-earning worker outranks an otherwise equal busy earner", () => {
    const r = rankCandidates(P, ORDER, [worker("busy", { lastJobDate: "2024-06-14", earnings30dFen: 900_000 }), worker("idle", { lastJobDate: "2024-03-01", earnings30dFen: 0 })], { today: TODAY });
    expect(r.ranked.map((x) => x.id)).toEqual(["idle", "busy"]);
    expect(r.ranked[0]!.breakdown.rotation).toBe(P.weights.rotation);
  });

  it("breaks ties by id and respects topK", () => {
    const ws = ["c", "a", "d", "b"].map((id) => worker(id));
    const r = rankCandidates(P, ORDER, ws, { today: TODAY, topK: 3 });
    expect(r.ranked.map((x) => x.id)).toEqual(["a", "b", "c"]);
  });

  it("parses dates in the hot loop exactly as dayNumber does", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1950-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        return isoDayNumberUnchecked(iso) === dayNumber(iso);
      }),
    );
  });
});

// ---- properties ----
const TOWNS = ["龙港镇", "中村镇", "郑村镇", "十里乡"];
const TRADES = ["6-29-01-01", "cleaning", "loading"];
const GRADES: SkillGrade[] = ["none", "L5", "L4", "L3", "L2", "L1"];
const day = fc.integer({ min: 0, max: 60 }).map((n) => new Date(Date.UTC(2024, 4, 1 + n)).toISOString().slice(0, 10));
const candidateArb = (id: string): fc.Arbitrary<MatchCandidate> =>
  fc
    .record({
      trades: fc.array(fc.record({ code: fc.constantFrom(...TRADES), skillGrade: fc.constantFrom(...GRADES) }), { minLength: 1, maxLength: 2 }),
      stars: fc.integer({ min: 0, max: 5 }).map((s) => s as StarGrade),
      rated: fc.integer({ min: 0, max: 50 }),
      satShare: fc.double({ min: 0, max: 1, noNaN: true }),
      township: fc.option(fc.constantFrom(...TOWNS), { nil: undefined }),
      busy: fc.array(fc.tuple(day, fc.integer({ min: 0, max: 5 })), { maxLength: 2 }),
      status: fc.constantFrom("active", "active", "active", "probation", "expelled"),
      certificates: fc.subarray(["高处作业证", "电工证"]),
      lastJobDate: fc.option(day, { nil: undefined }),
      earnings30dFen: fc.integer({ min: 0, max: 1_000_000 }),
      gender: fc.option(fc.constantFrom("male", "female"), { nil: undefined }),
      birthDate: fc.option(fc.constantFrom("1960-01-01", "1990-05-05", "2007-01-01"), { nil: undefined }),
      ethnicity: fc.option(fc.constantFrom("汉族", "回族"), { nil: undefined }),
      hukou: fc.option(fc.constantFrom("本地", "外地"), { nil: undefined }),
      origin: fc.option(fc.constantFrom("沁水", "河南"), { nil: undefined }),
    })
    .map((r) => ({
      id,
      trades: r.trades,
      stars: r.stars,
      ratedJobs: r.rated,
      satisfiedJobs: Math.floor(r.rated * r.satShare),
      township: r.township,
      busy: r.busy.map(([start, len]) => ({ start, end: new Date(dayNumber(start) * 86_400_000 + len * 86_400_000).toISOString().slice(0, 10) })),
      status: r.status as MatchCandidate["status"],
      certificates: r.certificates,
      lastJobDate: r.lastJobDate,
      earnings30dFen: r.earnings30dFen,
      gender: r.gender,
      birthDate: r.birthDate,
      ethnicity: r.ethnicity,
      hukou: r.hukou,
      origin: r.origin,
    }));
const poolArb = fc.integer({ min: 0, max: 40 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => candidateArb(`w${String(i).padStart(3, "0")}`))));
const orderArb: fc.Arbitrary<MatchOrder> = fc.record({
  trade: fc.constantFrom(...TRADES),
  minSkillGrade: fc.option(fc.constantFrom(...GRADES), { nil: undefined }),
  headcount: fc.integer({ min: 1, max: 5 }),
  startDate: day,
  endDate: day,
  township: fc.option(fc.constantFrom(...TOWNS), { nil: undefined }),
  requiredCertificates: fc.option(fc.subarray(["高处作业证", "电工证"]), { nil: undefined }),
}).map((o) => (o.endDate < o.startDate ? { ...o, startDate: o.endDate, endDate: o.startDate } : o));
const topKArb = fc.integer({ min: 1, max: 25 });

describe("rankCandidates: laws", () => {
  it("changing only a protected attribute never changes a score or a rank", () => {
    // Realistic values, so a rule that read them would be caught; applied to every worker at once.
    const protectedArb = fc.record({
      gender: fc.option(fc.constantFrom("male", "female", "男", "女"), { nil: undefined }),
      birthDate: fc.option(fc.constantFrom("1958-03-01", "1975-07-07", "2000-12-31", "2008-01-01"), { nil: undefined }),
      ethnicity: fc.option(fc.constantFrom("汉族", "回族", "蒙古族", "藏族"), { nil: undefined }),
      hukou: fc.option(fc.constantFrom("本地", "外地", "农业", "非农业"), { nil: undefined }),
      origin: fc.option(fc.constantFrom("沁水县", "河南省", "四川省"), { nil: undefined }),
    });
    const keys = ["gender", "birthDate", "ethnicity", "hukou", "origin"] as const;
    fc.assert(
      fc.property(poolArb, orderArb, topKArb, fc.array(protectedArb, { minLength: 40, maxLength: 40 }), fc.subarray([...keys], { minLength: 1 }), (pool, order, topK, attrs, which) => {
        const changed = pool.map((c, j) => {
          const next: MatchCandidate = { ...c };
          for (const k of which) next[k] = attrs[j]![k];
          return next;
        });
        const a = rankCandidates(P, order, pool, { today: TODAY, topK, explain: true });
        const b = rankCandidates(P, order, changed, { today: TODAY, topK, explain: true });
        expect(b).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });

  it("every ranked candidate passes all hard filters", () => {
    fc.assert(
      fc.property(poolArb, orderArb, topKArb, (pool, order, topK) => {
        const r = rankCandidates(P, order, pool, { today: TODAY, topK });
        for (const x of r.ranked) {
          const c = pool.find((p) => p.id === x.id)!;
          expect(c.status).toBe("active");
          const t = c.trades.find((t) => t.code === order.trade);
          expect(t).toBeDefined();
          if (order.minSkillGrade) expect(GRADES.indexOf(t!.skillGrade)).toBeGreaterThanOrEqual(GRADES.indexOf(order.minSkillGrade));
          for (const cert of order.requiredCertificates ?? []) expect(c.certificates).toContain(cert);
          for (const b of c.busy) expect(b.end < order.startDate || b.start > order.endDate).toBe(true);
        }
      }),
    );
  });

  it("ranked is sorted by score desc then id asc, holds the best topK, and scores stay in 0..100", () => {
    fc.assert(
      fc.property(poolArb, orderArb, topKArb, (pool, order, topK) => {
        const r = rankCandidates(P, order, pool, { today: TODAY, topK });
        expect(r.ranked.length).toBe(Math.min(topK, r.eligibleCount));
        for (let k = 1; k < r.ranked.length; k++) {
          const p = r.ranked[k - 1]!;
          const q = r.ranked[k]!;
          expect(p.score > q.score || (p.score === q.score && p.id < q.id)).toBe(true);
        }
        for (const x of r.ranked) {
          expect(x.score).toBeGreaterThanOrEqual(0);
          expect(x.score).toBeLessThanOrEqual(100);
          const sum = x.breakdown.skillFit + x.breakdown.stars + x.breakdown.satisfaction + x.breakdown.proximity + x.breakdown.rotation;
          expect(Math.abs(sum - x.score)).toBeLessThan(0.05);
        }
        // The heap keeps the true best: compare with ranking everyone and slicing.
        const all = rankCandidates(P, order, pool, { today: TODAY, topK: Math.max(1, pool.length) });
        expect(r.ranked).toEqual(all.ranked.slice(0, topK));
      }),
    );
  });

  it("no candidate is both ranked and excluded, and the counts add up", () => {
    fc.assert(
      fc.property(poolArb, orderArb, topKArb, (pool, order, topK) => {
        const r = rankCandidates(P, order, pool, { today: TODAY, topK, explain: true });
        const excludedIds = new Set(r.excluded!.map((e) => e.id));
        for (const x of r.ranked) expect(excludedIds.has(x.id)).toBe(false);
        expect(r.excluded!.length).toBe(r.excludedCount);
        expect(r.excludedCount + r.eligibleCount).toBe(pool.length);
        expect(EXCLUSION_CODES.reduce((s, c) => s + r.excludedByReason[c], 0)).toBe(r.excludedCount);
        for (const e of r.excluded!) expect(e.reasons.length).toBeGreaterThan(0);
        const firsts = r.excluded!.map((e) => e.reasons[0]!.code);
        for (const c of EXCLUSION_CODES) expect(firsts.filter((f) => f === c).length).toBe(r.excludedByReason[c]);
      }),
    );
  });

  it("input order does not change the result", () => {
    fc.assert(
      fc.property(poolArb, orderArb, topKArb, (pool, order, topK) => {
        const a = rankCandidates(P, order, pool, { today: TODAY, topK });
        const b = rankCandidates(P, order, [...pool].reverse(), { today: TODAY, topK });
        expect(b.ranked).toEqual(a.ranked);
        expect(b.excludedByReason).toEqual(a.excludedByReason);
      }),
    );
  });
});
