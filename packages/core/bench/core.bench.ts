// Core benchmark: `npm run bench -w @lingong/core`. Each figure goes to stdout as one line
// `BENCH {"name":…,"value":…,"unit":…}` (collected by scripts/bench.mjs); everything else to stderr.
import {
  createRandom,
  DEFAULT_GRADING_POLICY,
  DEFAULT_MATCHING_POLICY,
  prepareCandidates,
  rankCandidates,
  reviewGrade,
  addDays,
} from "../src/index.ts";
import type { IsoDate, MatchCandidate, MatchOrder, ReviewInput, SkillGrade, StarGrade } from "../src/index.ts";

// The package's tsconfig is pure (no node or DOM types); declare the host globals used here.
declare const performance: { now(): number };
declare const console: { error(...args: unknown[]): void; log(line: string): void };
declare const process: { cpuUsage(): { user: number; system: number } };

const N = 100_000;
const RUNS = 31;
const TODAY: IsoDate = "2024-06-15";
const TOWNS = ["龙港镇", "中村镇", "郑庄镇", "端氏镇", "嘉峰镇", "郑村镇", "柿庄镇", "樊村河乡", "土沃乡", "张村乡", "苏庄乡", "胡底乡", "固县乡", "十里乡"];
const TRADES = ["general-labour", "6-29-01-01", "6-29-02-01", "loading", "cleaning", "greening", "6-29-03-01", "picking"];
const GRADES: SkillGrade[] = ["none", "L5", "L4", "L3", "L2", "L1"];

function makeCandidates(seed: string): MatchCandidate[] {
  const r = createRandom(seed);
  const out: MatchCandidate[] = [];
  for (let i = 0; i < N; i++) {
    const nTrades = 1 + r.int(2);
    const trades = Array.from({ length: nTrades }, () => ({ code: TRADES[r.int(TRADES.length)]!, skillGrade: GRADES[r.int(GRADES.length)]! }));
    const rated = r.int(40);
    const busy = Array.from({ length: r.int(3) }, () => {
      const start = addDays(TODAY, r.int(30) - 5);
      return { start, end: addDays(start, r.int(4)) };
    });
    const s = r.int(100);
    out.push({
      id: `w${String(i).padStart(6, "0")}`,
      trades,
      stars: r.int(6) as StarGrade,
      ratedJobs: rated,
      satisfiedJobs: r.int(rated + 1),
      township: TOWNS[r.int(TOWNS.length)]!,
      busy,
      status: s < 90 ? "active" : s < 95 ? "probation" : "expelled",
      certificates: r.int(4) === 0 ? ["高处作业证"] : [],
      lastJobDate: r.int(10) === 0 ? undefined : addDays(TODAY, -r.int(90)),
      earnings30dFen: r.int(800_000),
      gender: r.int(2) === 0 ? "male" : "female",
      birthDate: `19${60 + r.int(40)}-0${1 + r.int(9)}-1${r.int(10)}`,
    });
  }
  return out;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
};
const round3 = (x: number): number => Math.round(x * 1000) / 1000;
function emit(name: string, value: number, unit: string, target?: number): void {
  console.log(`BENCH ${JSON.stringify({ name, value: round3(value), unit, ...(target === undefined ? {} : { target }) })}`);
}
function time(runs: number, fn: () => unknown): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

const candidates = makeCandidates("lingong-bench-2024");
const order: MatchOrder = { trade: "general-labour", minSkillGrade: "none", headcount: 8, startDate: "2024-06-17", endDate: "2024-06-19", township: "龙港镇" };
const opts = { today: TODAY, topK: 20 };

// The objects path first, on the heap as `makeCandidates` left it: each worker's objects still lie
// next to each other. After later allocation (here: preparing the pool) the same loop measured from
// 1.2× to 2× slower on this machine, varying run to run, most likely with where the GC moved the
// objects, as it would in a long-running server. Both figures are reported; the pool does not depend on where objects lie.
for (let i = 0; i < 20; i++) rankCandidates(DEFAULT_MATCHING_POLICY, order, candidates, opts);
const rankObjectsFresh = time(RUNS, () => rankCandidates(DEFAULT_MATCHING_POLICY, order, candidates, opts));

// A matching service ranks many orders against the same workers, so it prepares them once (typed
// arrays, see `prepareCandidates`); the preparation is timed on its own below.
const pool = prepareCandidates(candidates);

// Before timing (and before the warm-up, so its garbage is collected by then): both paths must rank exactly as the naive one below (same 20 workers, same order).
{
  const slow = naive().join(",");
  for (const [label, input] of [["objects", candidates], ["pool", pool]] as const) {
    const fast = rankCandidates(DEFAULT_MATCHING_POLICY, order, input, opts).ranked.map((x) => x.id).join(",");
    if (fast !== slow) throw new Error(`core.rank.100k (${label}): top 20 differs from the naive ranking\n fast  ${fast}\n naive ${slow}`);
  }
}
// Warm up so the JIT has compiled the hot loops before we measure.
for (let i = 0; i < 20; i++) {
  rankCandidates(DEFAULT_MATCHING_POLICY, order, pool, opts);
  rankCandidates(DEFAULT_MATCHING_POLICY, order, candidates, opts);
}
const first = rankCandidates(DEFAULT_MATCHING_POLICY, order, pool, opts);
// Interleaved, so a burst of load elsewhere hits both paths alike.
const rank: number[] = [];
const rankObjects: number[] = [];
for (let i = 0; i < RUNS; i++) {
  rank.push(...time(1, () => rankCandidates(DEFAULT_MATCHING_POLICY, order, pool, opts)));
  rankObjects.push(...time(1, () => rankCandidates(DEFAULT_MATCHING_POLICY, order, candidates, opts)));
}
// CPU time of the same runs, for context on a loaded machine (wall time includes waiting for a core).
const rankCpu: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const c0 = process.cpuUsage();
  rankCandidates(DEFAULT_MATCHING_POLICY, order, pool, opts);
  const c1 = process.cpuUsage();
  rankCpu.push((c1.user - c0.user + c1.system - c0.system) / 1000);
}
console.error(`core.rank.100k (prepared pool): eligible ${first.eligibleCount}, excluded ${first.excludedCount}, top score ${first.ranked[0]?.score}; median ${round3(median(rank))} ms, min ${round3(Math.min(...rank))} ms over ${RUNS} runs (CPU-time median ${round3(median(rankCpu))} ms)`);
console.error(`core.rank.100k.objects (array of objects, fresh heap): median ${round3(median(rankObjectsFresh))} ms, min ${round3(Math.min(...rankObjectsFresh))} ms over ${RUNS} runs`);
console.error(`core.rank.100k.objects.later (the same objects after later allocation moved them): median ${round3(median(rankObjects))} ms, min ${round3(Math.min(...rankObjects))} ms over ${RUNS} runs`);
for (let i = 0; i < 3; i++) prepareCandidates(candidates);
const prepare = time(11, () => prepareCandidates(candidates));
console.error(`core.rank.prepare.100k: median ${round3(median(prepare))} ms over 11 runs (once per pool, not per order)`);

// The naive way, for comparison: map every worker to an object with its checks, score and breakdown,
// then filter, sort everything and slice.
function naive(): string[] {
  const p = DEFAULT_MATCHING_POLICY;
  const w = p.weights;
  return candidates
    .map((c) => {
      const trade = c.trades.find((t) => t.code === order.trade);
      const eligible = c.status === "active" && trade !== undefined && !c.busy.some((b) => b.start <= order.endDate && b.end >= order.startDate);
      const idle = c.lastJobDate === undefined ? 30 : Math.min(30, Math.max(0, (Date.parse(TODAY) - Date.parse(c.lastJobDate)) / 86_400_000));
      const breakdown = {
        skillFit: w.skillFit * Math.min(1, 0.7 + 0.1 * GRADES.indexOf(trade?.skillGrade ?? "none")),
        stars: (w.stars * c.stars) / 5,
        satisfaction: (w.satisfaction * (c.satisfiedJobs + 4)) / (c.ratedJobs + 5),
        proximity: w.proximity * (c.township === order.township ? 1 : 0),
        rotation: w.rotation * (0.6 * (idle / 30) + 0.4 * (1 - Math.min(c.earnings30dFen, 600_000) / 600_000)),
      };
      const score = Object.values(breakdown).reduce((a, b) => a + b, 0);
      return { id: c.id, eligible, score, breakdown };
    })
    .filter((x) => x.eligible)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, 20)
    .map((x) => x.id);
}
for (let i = 0; i < 3; i++) naive();
const naiveTimes = time(11, naive);
console.error(`core.rank.100k.naive: median ${round3(median(naiveTimes))} ms over 11 runs`);

// Grade review for 100,000 workers with ~10 follow-up ratings each.
function makeReviews(seed: string): ReviewInput[] {
  const r = createRandom(seed);
  return Array.from({ length: N }, () => {
    const n = 5 + r.int(11);
    return {
      current: r.int(6) as StarGrade,
      today: TODAY,
      status: r.int(50) === 0 ? "probation" : "active",
      ratings: Array.from({ length: n }, () => ({ date: addDays(TODAY, -r.int(170)), attitude: 1 + r.int(5), quality: 1 + r.int(5), satisfied: r.int(10) < 8 })),
      complaints: r.int(10) === 0 ? [{ date: addDays(TODAY, -r.int(100)), upheld: r.int(2) === 0 }] : [],
      sanctions: [],
    };
  });
}
const reviews = makeReviews("lingong-bench-review-2024");
const reviewAll = (): number => {
  let moved = 0;
  for (const input of reviews) moved += reviewGrade(DEFAULT_GRADING_POLICY, input).change !== 0 ? 1 : 0;
  return moved;
};
reviewAll();
reviewAll();
const reviewRuns = 7;
const review = time(reviewRuns, reviewAll);
console.error(`core.review.100k: ${reviewAll()} of ${N} grades move; median ${round3(median(review))} ms over ${reviewRuns} runs`);

emit("core.rank.100k", median(rank), "ms", 3);
emit("core.rank.100k.objects", median(rankObjectsFresh), "ms");
emit("core.rank.100k.objects.later", median(rankObjects), "ms");
emit("core.rank.prepare.100k", median(prepare), "ms");
emit("core.rank.100k.naive", median(naiveTimes), "ms");
emit("core.review.100k", median(review), "ms");
// A warning, not a failure: on a shared machine the figure moves with other processes' load.
if (median(rank) > 3) console.error(`warning: core.rank.100k median ${round3(median(rank))} ms exceeds the 3 ms target (load average matters; re-run on an idle machine)`);
