import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prepareCandidates } from "./candidate-pool.ts";
import { dayNumber, fromDayNumber } from "./dates.ts";
import { DEFAULT_MATCHING_POLICY } from "./matching-policy.ts";
import type { MatchingPolicy } from "./matching-policy.ts";
import { rankCandidates } from "./rank-candidates.ts";
import type { MatchCandidate, MatchOrder } from "./rank-candidates.ts";
import { ORDER, TODAY, worker } from "./rank-test-fixtures.ts";
import type { SkillGrade, StarGrade } from "./types.ts";

const P = DEFAULT_MATCHING_POLICY;

describe("prepareCandidates: examples", () => {
  it("ranks the same workers as the array, with the same scores, breakdowns and reasons", () => {
    const ws = [
      worker("a"),
      worker("b", { township: "郑村镇", stars: 5 }),
      worker("c", { lastJobDate: undefined, township: undefined }),
      worker("d", { busy: [{ start: "2024-06-19", end: "2024-06-20" }] }),
      worker("e", { status: "expelled" }),
    ];
    const pool = prepareCandidates(ws);
    expect(pool.size).toBe(5);
    const opts = { today: TODAY, explain: true };
    expect(rankCandidates(P, ORDER, pool, opts)).toEqual(rankCandidates(P, ORDER, ws, opts));
    expect(rankCandidates(P, ORDER, pool, opts).ranked.map((x) => x.id)).toEqual(["a", "c", "b"]);
  });

  it("counts every worker as lacking a trade no one in the pool has", () => {
    const pool = prepareCandidates([worker("a"), worker("b", { status: "probation" })]);
    const r = rankCandidates(P, { ...ORDER, trade: "greening" }, pool, { today: TODAY, explain: true });
    expect(r.ranked).toEqual([]);
    expect(r.excludedByReason).toMatchObject({ wrong_trade: 1, on_probation: 1 });
    expect(r.excluded?.find((e) => e.id === "a")?.reasons[0]?.code).toBe("wrong_trade");
  });

  it("reads a worker's first entry for a trade, as the array does, when a trade is listed twice", () => {
    const w = worker("twice", {
      trades: [
        { code: "6-29-01-01", skillGrade: "none" },
        { code: "6-29-01-01", skillGrade: "L1" },
      ],
    });
    const viaPool = rankCandidates(P, ORDER, prepareCandidates([w]), { today: TODAY, explain: true });
    expect(viaPool.excludedByReason.grade_too_low).toBe(1);
    expect(viaPool).toEqual(rankCandidates(P, ORDER, [w], { today: TODAY, explain: true }));
  });

  it("names an eligible worker whose record is malformed, as the array does", () => {
    expect(() => rankCandidates(P, ORDER, prepareCandidates([worker("bad", { ratedJobs: Number.NaN })]), { today: TODAY })).toThrow(/candidate bad/);
  });

  it("ranks an order in a township named like an Object property (adjacency read as own keys only)", () => {
    const ws = [worker("a", { township: "constructor" }), worker("b", { township: "toString" })];
    const order = { ...ORDER, township: "constructor" };
    const viaArray = rankCandidates(P, order, ws, { today: TODAY });
    expect(viaArray.ranked.map((x) => x.id)).toEqual(["a", "b"]);
    expect(rankCandidates(P, order, prepareCandidates(ws), { today: TODAY })).toEqual(viaArray);
  });

  it("still validates the order and options", () => {
    const pool = prepareCandidates([worker("a")]);
    expect(() => rankCandidates(P, { ...ORDER, endDate: "2024-06-01" }, pool, { today: TODAY })).toThrow(/endDate/);
    expect(() => rankCandidates(P, ORDER, pool, { today: TODAY, topK: 0 })).toThrow(/topK/);
  });
});

// ---- properties ----
const TOWNS = ["龙港镇", "中村镇", "郑村镇", "十里乡"];
const TRADES = ["6-29-01-01", "cleaning", "loading"];
const GRADES: SkillGrade[] = ["none", "L5", "L4", "L3", "L2", "L1"];
// Days around TODAY, so last jobs fall before the idle cap, inside it, on today and after it.
const day = fc.integer({ min: -60, max: 20 }).map((n) => fromDayNumber(dayNumber(TODAY) + n));
// Dispatches and orders within a few days of each other, so edges touch often.
const near = fc.integer({ min: -2, max: 8 }).map((n) => fromDayNumber(dayNumber(TODAY) + n));
const candidateArb = (id: string): fc.Arbitrary<MatchCandidate> =>
  fc
    .record({
      trades: fc.array(fc.record({ code: fc.constantFrom(...TRADES), skillGrade: fc.constantFrom(...GRADES) }), { minLength: 1, maxLength: 3 }),
      stars: fc.integer({ min: 0, max: 5 }).map((s) => s as StarGrade),
      rated: fc.integer({ min: 0, max: 50 }),
      satShare: fc.double({ min: 0, max: 1, noNaN: true }),
      township: fc.option(fc.constantFrom(...TOWNS), { nil: undefined }),
      busy: fc.array(fc.tuple(near, fc.integer({ min: 0, max: 3 })), { maxLength: 3 }),
      status: fc.constantFrom("active", "active", "active", "probation", "expelled"),
      certificates: fc.subarray(["高处作业证", "电工证"]),
      lastJobDate: fc.option(day, { nil: undefined }),
      earnings30dFen: fc.integer({ min: -1000, max: 1_000_000 }),
    })
    .map((r) => ({
      id,
      trades: r.trades,
      stars: r.stars,
      ratedJobs: r.rated,
      satisfiedJobs: Math.floor(r.rated * r.satShare),
      township: r.township,
      busy: r.busy.map(([start, len]) => ({ start, end: fromDayNumber(dayNumber(start) + len) })),
      status: r.status as MatchCandidate["status"],
      certificates: r.certificates,
      lastJobDate: r.lastJobDate,
      earnings30dFen: r.earnings30dFen,
    }));
// Ids drawn out of order and with shared prefixes, so ties are broken by id in both loops.
const poolArb = fc
  .uniqueArray(fc.stringMatching(/^w[0-9a-c]{1,3}$/), { minLength: 5, maxLength: 40 })
  .chain((ids) => fc.tuple(...ids.map((id) => candidateArb(id))));
const orderArb: fc.Arbitrary<MatchOrder> = fc
  .record({
    trade: fc.constantFrom(...TRADES, "greening"),
    minSkillGrade: fc.option(fc.constantFrom(...GRADES), { nil: undefined }),
    headcount: fc.integer({ min: 1, max: 5 }),
    startDate: near,
    endDate: near,
    township: fc.option(fc.constantFrom(...TOWNS, "胡底乡"), { nil: undefined }),
    requiredCertificates: fc.option(fc.subarray(["高处作业证", "电工证"]), { nil: undefined }),
  })
  .map((o) => (o.endDate < o.startDate ? { ...o, startDate: o.endDate, endDate: o.startDate } : o));
const policyArb: fc.Arbitrary<MatchingPolicy> = fc
  .record({
    adjacency: fc.constantFrom<Record<string, readonly string[]>>({}, { 龙港镇: ["郑村镇"], 十里乡: ["中村镇", "胡底乡"] }),
    excludeProbation: fc.boolean(),
    idleDaysCap: fc.integer({ min: 1, max: 45 }),
    idleShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((x) => ({
    ...P,
    proximity: { ...P.proximity, adjacency: x.adjacency },
    excludeProbation: x.excludeProbation,
    rotation: { ...P.rotation, idleDaysCap: x.idleDaysCap, idleShare: x.idleShare },
  }));

describe("prepareCandidates: laws", () => {
  it("a pool ranks exactly as the array it was made from", () => {
    fc.assert(
      fc.property(policyArb, poolArb, orderArb, fc.integer({ min: 1, max: 25 }), fc.boolean(), (policy, ws, order, topK, explain) => {
        const opts = { today: TODAY, topK, explain };
        expect(rankCandidates(policy, order, prepareCandidates(ws), opts)).toEqual(rankCandidates(policy, order, ws, opts));
      }),
      { numRuns: 300 },
    );
  });

  it("one pool serves many orders: reusing it never changes a result", () => {
    fc.assert(
      fc.property(poolArb, fc.array(orderArb, { minLength: 2, maxLength: 5 }), (ws, orders) => {
        const pool = prepareCandidates(ws);
        for (const order of orders) {
          expect(rankCandidates(P, order, pool, { today: TODAY, explain: true })).toEqual(rankCandidates(P, order, prepareCandidates(ws), { today: TODAY, explain: true }));
        }
      }),
      { numRuns: 50 },
    );
  });
});
