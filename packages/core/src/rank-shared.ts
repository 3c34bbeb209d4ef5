// Internals shared by the two ranking loops (over candidate objects and over a prepared pool): the
// per-call context, the hard-filter reasons, the explanation of a winner and the top-K heap. Not
// re-exported from the package index except `isoDayNumberUnchecked` and `rotationShare`.
import { dayNumber, fromDayNumber } from "./dates.ts";
import type { MatchingPolicy } from "./matching-policy.ts";
import type { ExclusionCode, MatchCandidate, MatchOrder, RankedCandidate, RankOptions, RankResult, ScoreBreakdown } from "./rank-candidates.ts";
import { reason, SKILL_GRADE_LABELS, skillGradeRank } from "./types.ts";
import type { IsoDate, Reason, SkillGrade } from "./types.ts";

/**
 * Day number since 1970-01-01 of a `YYYY-MM-DD` string without validation (days-from-civil,
 * H. Hinnant). Used in the ranking's hot loop where `dayNumber`'s checks cost too much; the
 * ranking validates the order's own dates with `dayNumber`.
 */
export function isoDayNumberUnchecked(s: string): number {
  const y0 = (s.charCodeAt(0) - 48) * 1000 + (s.charCodeAt(1) - 48) * 100 + (s.charCodeAt(2) - 48) * 10 + (s.charCodeAt(3) - 48);
  const m = (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48);
  const d = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

export function gradeRank(g: SkillGrade): number {
  switch (g) {
    case "none": return 0;
    case "L5": return 1;
    case "L4": return 2;
    case "L3": return 3;
    case "L2": return 4;
    case "L1": return 5;
    default: return -1;
  }
}

/** Everything the hot loop needs, resolved once per call. */
export interface Ctx {
  policy: MatchingPolicy;
  order: MatchOrder;
  minRank: number;
  todayDay: number;
  neighbours: Set<string>;
}

export function skillFitOf(ctx: Ctx, rank: number): number {
  const p = ctx.policy.skillFit;
  const base = ctx.minRank >= 0 ? p.meetsMinimum - p.perLevelAbove * ctx.minRank : p.noMinimumBase;
  const v = base + p.perLevelAbove * rank;
  return v > 1 ? 1 : v;
}

export function satisfactionOf(ctx: Ctx, c: MatchCandidate): number {
  const p = ctx.policy.satisfaction;
  return (c.satisfiedJobs + p.priorMean * p.priorWeight) / (c.ratedJobs + p.priorWeight);
}

export function proximityOf(ctx: Ctx, c: MatchCandidate): number {
  return proximityShare(ctx, c.township);
}

export function idleDays(todayDay: number, lastJobDate: IsoDate | undefined, cap: number): number {
  if (lastJobDate === undefined) return cap;
  const days = todayDay - isoDayNumberUnchecked(lastJobDate);
  return days < 0 ? 0 : days > cap ? cap : days;
}

/** Fair-rotation share 0..1 of a worker (see `MatchingPolicy.rotation`); also drives lottery weights. */
export function rotationShare(policy: MatchingPolicy, todayDay: number, lastJobDate: IsoDate | undefined, earnings30dFen: number): number {
  const p = policy.rotation;
  const idle = idleDays(todayDay, lastJobDate, p.idleDaysCap) / p.idleDaysCap;
  const e = earnings30dFen < 0 ? 0 : earnings30dFen > p.earningsCapFen ? p.earningsCapFen : earnings30dFen;
  return p.idleShare * idle + (1 - p.idleShare) * (1 - e / p.earningsCapFen);
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The candidate's grade in the order's trade, -1 when it lacks the trade. */
export function tradeRank(trades: MatchCandidate["trades"], trade: string): number {
  for (let j = 0; j < trades.length; j++) {
    const t = trades[j]!;
    if (t.code === trade) return gradeRank(t.skillGrade);
  }
  return -1;
}

export function hasCertificates(c: MatchCandidate, required: readonly string[]): boolean {
  for (let j = 0; j < required.length; j++) if (!c.certificates.includes(required[j]!)) return false;
  return true;
}

/** ISO dates compare correctly as strings, so overlap needs no parsing. */
export function overlapping(c: MatchCandidate, start: IsoDate, end: IsoDate): { start: IsoDate; end: IsoDate } | undefined {
  const busy = c.busy;
  for (let j = 0; j < busy.length; j++) {
    const b = busy[j]!;
    if (b.start <= end && b.end >= start) return b;
  }
  return undefined;
}

export const NO_CERTS: readonly string[] = [];

/** All hard filters a worker fails, in `EXCLUSION_CODES` order (empty when eligible). */
export function exclusionReasons(ctx: Ctx, c: MatchCandidate): Reason[] {
  const { order, policy } = ctx;
  const out: Reason[] = [];
  if (c.status === "expelled") out.push(reason("expelled", "已被逐出市场，不能派工", "Expelled from the market; cannot be dispatched"));
  if (c.status === "probation" && policy.excludeProbation) {
    out.push(reason("on_probation", "候场查看期间，暂不派工", "On probation (候场查看); not dispatched meanwhile"));
  }
  const rank = tradeRank(c.trades, order.trade);
  if (rank < 0) {
    out.push(reason("wrong_trade", `不具备所需工种 ${order.trade}`, `Does not have the trade ${order.trade}`, { trade: order.trade }));
  } else if (rank < ctx.minRank && order.minSkillGrade !== undefined) {
    const have = c.trades.find((t) => t.code === order.trade)!.skillGrade;
    out.push(
      reason(
        "grade_too_low",
        `技术等级${SKILL_GRADE_LABELS[have].zh}低于要求的${SKILL_GRADE_LABELS[order.minSkillGrade].zh}`,
        `Skill grade ${SKILL_GRADE_LABELS[have].en} is below the required ${SKILL_GRADE_LABELS[order.minSkillGrade].en}`,
        { skillGrade: have, minSkillGrade: order.minSkillGrade },
      ),
    );
  }
  const missing = (order.requiredCertificates ?? NO_CERTS).filter((r) => !c.certificates.includes(r));
  if (missing.length > 0) {
    out.push(reason("missing_certificate", `缺少所需证书：${missing.join("、")}`, `Missing certificates: ${missing.join(", ")}`, { missing: missing.join(",") }));
  }
  const b = overlapping(c, order.startDate, order.endDate);
  if (b) {
    out.push(reason("busy_overlap", `已有派工 ${b.start} 至 ${b.end}，与本单时间重叠`, `Already dispatched ${b.start}–${b.end}, overlapping this order`, { start: b.start, end: b.end }));
  }
  return out;
}

const PROXIMITY_TEXT = {
  same: ["同一乡镇", "same township"],
  neighbouring: ["邻近乡镇", "neighbouring township"],
  elsewhere: ["其他乡镇", "another township"],
  unknown: ["乡镇未知", "township unknown"],
} as const;

export function explainRanked(ctx: Ctx, c: MatchCandidate, rank: number, score: number): RankedCandidate {
  const { policy, order } = ctx;
  const w = policy.weights;
  const skill = skillFitOf(ctx, rank);
  const sat = satisfactionOf(ctx, c);
  const prox = proximityOf(ctx, c);
  const rot = rotationShare(policy, ctx.todayDay, c.lastJobDate, c.earnings30dFen);
  const breakdown: ScoreBreakdown = {
    skillFit: round2(w.skillFit * skill),
    stars: round2(w.stars * (c.stars / 5)),
    satisfaction: round2(w.satisfaction * sat),
    proximity: round2(w.proximity * prox),
    rotation: round2(w.rotation * rot),
  };
  const grade = c.trades.find((t) => t.code === order.trade)!.skillGrade;
  const where = order.township === undefined || c.township === undefined ? "unknown" : c.township === order.township ? "same" : ctx.neighbours.has(c.township) ? "neighbouring" : "elsewhere";
  const idle = c.lastJobDate === undefined ? null : Math.max(0, ctx.todayDay - isoDayNumberUnchecked(c.lastJobDate));
  const reasons: Reason[] = [
    reason("skill_fit", `工种 ${order.trade}，技术等级${SKILL_GRADE_LABELS[grade].zh}`, `Trade ${order.trade}, skill grade ${SKILL_GRADE_LABELS[grade].en}`, {
      skillGrade: grade,
      minSkillGrade: order.minSkillGrade ?? null,
      points: breakdown.skillFit,
    }),
    reason("stars", `星级 ${c.stars} 星`, `${c.stars} star(s)`, { stars: c.stars, points: breakdown.stars }),
    reason("satisfaction", `满意 ${c.satisfiedJobs}/${c.ratedJobs} 单，平滑满意度 ${Math.round(sat * 100)}%`, `Satisfied ${c.satisfiedJobs} of ${c.ratedJobs} jobs, smoothed ${Math.round(sat * 100)}%`, {
      satisfiedJobs: c.satisfiedJobs,
      ratedJobs: c.ratedJobs,
      smoothed: round2(sat),
      points: breakdown.satisfaction,
    }),
    reason("proximity", PROXIMITY_TEXT[where][0], PROXIMITY_TEXT[where][1], { township: c.township ?? null, points: breakdown.proximity }),
    reason(
      "rotation",
      idle === null ? `尚无派工记录，近30天收入 ${c.earnings30dFen / 100} 元` : `距上次派工 ${idle} 天，近30天收入 ${c.earnings30dFen / 100} 元`,
      idle === null ? `No job yet; earned ¥${c.earnings30dFen / 100} in 30 days` : `${idle} days since last job; earned ¥${c.earnings30dFen / 100} in 30 days`,
      { idleDays: idle, earnings30dFen: c.earnings30dFen, points: breakdown.rotation },
    ),
  ];
  return { id: c.id, score, breakdown, reasons };
}

/** Neighbours of a township; adjacency is read as symmetric. */
export function neighboursOf(adjacency: MatchingPolicy["proximity"]["adjacency"], town: string | undefined): Set<string> {
  const set = new Set<string>();
  if (town === undefined) return set;
  for (const t of (Object.hasOwn(adjacency, town) ? adjacency[town] : undefined) ?? []) set.add(t);
  for (const [t, list] of Object.entries(adjacency)) if (list.includes(town)) set.add(t);
  set.delete(town);
  return set;
}

export function validate(order: MatchOrder, topK: number, today: IsoDate): void {
  if (!Number.isInteger(topK) || topK < 1) throw new RangeError(`topK must be a positive integer, got ${topK}`);
  if (!Number.isInteger(order.headcount) || order.headcount < 1) throw new RangeError(`order.headcount must be a positive integer, got ${order.headcount}`);
  if (dayNumber(order.endDate) < dayNumber(order.startDate)) throw new RangeError(`order.endDate ${order.endDate} is before order.startDate ${order.startDate}`);
  dayNumber(today);
  if (order.minSkillGrade !== undefined && skillGradeRank(order.minSkillGrade) < 0) throw new RangeError(`order.minSkillGrade is not a skill grade: ${order.minSkillGrade}`);
}

/** Validates the call and resolves what both loops need once. */
export function makeCtx(policy: MatchingPolicy, order: MatchOrder, options: RankOptions): Ctx & { topK: number } {
  const topK = options.topK ?? 20;
  validate(order, topK, options.today);
  return {
    policy,
    order,
    topK,
    minRank: order.minSkillGrade === undefined ? -1 : gradeRank(order.minSkillGrade),
    todayDay: dayNumber(options.today),
    neighbours: neighboursOf(policy.proximity.adjacency, order.township),
  };
}

/**
 * Every number the score needs, hoisted out of the loops. Both loops use `scoreOf` and
 * `upperBoundOf` with the same arithmetic as `explainRanked`'s helpers, term for term (same order),
 * so a score never disagrees with its breakdown and the two loops never disagree with each other.
 */
export interface Terms {
  wSkill: number;
  wStars: number;
  wSat: number;
  wProx: number;
  wRot: number;
  skillBase: number;
  perLevel: number;
  priorMass: number;
  priorWeight: number;
  idleCap: number;
  idleShare: number;
  earnShare: number;
  earnCap: number;
  proxMax: number;
  /** Whether the best-case bound is safe to use (non-negative weights and shares). */
  canBound: boolean;
}

export function termsOf(ctx: Ctx): Terms {
  const { policy } = ctx;
  const w = policy.weights;
  const sf = policy.skillFit;
  const px = policy.proximity;
  const rp = policy.rotation;
  return {
    wSkill: w.skillFit,
    wStars: w.stars,
    wSat: w.satisfaction,
    wProx: w.proximity,
    wRot: w.rotation,
    skillBase: ctx.minRank >= 0 ? sf.meetsMinimum - sf.perLevelAbove * ctx.minRank : sf.noMinimumBase,
    perLevel: sf.perLevelAbove,
    priorMass: policy.satisfaction.priorMean * policy.satisfaction.priorWeight,
    priorWeight: policy.satisfaction.priorWeight,
    idleCap: rp.idleDaysCap,
    idleShare: rp.idleShare,
    earnShare: 1 - rp.idleShare,
    earnCap: rp.earningsCapFen,
    proxMax: Math.max(px.sameTownship, px.neighbouring, px.elsewhere, px.unknown),
    canBound: w.proximity >= 0 && w.rotation >= 0 && rp.idleShare >= 0 && rp.idleDaysCap > 0,
  };
}

/** Proximity share 0..1 of a worker's township for the order (see `MatchingPolicy.proximity`). */
export function proximityShare(ctx: Ctx, township: string | undefined): number {
  const px = ctx.policy.proximity;
  const town = ctx.order.township;
  if (town === undefined || township === undefined) return px.unknown;
  if (township === town) return px.sameTownship;
  return ctx.neighbours.size > 0 && ctx.neighbours.has(township) ? px.neighbouring : px.elsewhere;
}

/**
 * Min-heap of the best `k` so far; the root is the worst of them (lowest score, then highest id).
 * `rootScore`/`rootId` are plain fields so the loops can test "cannot enter" without a call.
 */
export class TopK {
  size = 0;
  rootScore = -Infinity;
  rootId = "";
  private readonly score: Float64Array;
  private readonly idx: Int32Array;
  private readonly rank: Int8Array;

  constructor(
    readonly k: number,
    private readonly idOf: (i: number) => string,
  ) {
    this.score = new Float64Array(k);
    this.idx = new Int32Array(k);
    this.rank = new Int8Array(k);
  }

  get full(): boolean {
    return this.size === this.k;
  }

  private worse(sa: number, ia: number, sb: number, ib: number): boolean {
    return sa < sb || (sa === sb && this.idOf(ia) > this.idOf(ib));
  }

  /** Adds worker `i`; when full, the caller has checked that it beats the root. */
  push(score: number, i: number, rank: number): void {
    const { score: hs, idx: hi, rank: hr } = this;
    if (this.size < this.k) {
      let k = this.size++;
      while (k > 0) {
        const parent = (k - 1) >> 1;
        if (!this.worse(score, i, hs[parent]!, hi[parent]!)) break;
        hs[k] = hs[parent]!;
        hi[k] = hi[parent]!;
        hr[k] = hr[parent]!;
        k = parent;
      }
      hs[k] = score;
      hi[k] = i;
      hr[k] = rank;
    } else {
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        if (l >= this.size) break;
        const r = l + 1;
        const m = r < this.size && this.worse(hs[r]!, hi[r]!, hs[l]!, hi[l]!) ? r : l;
        if (!this.worse(hs[m]!, hi[m]!, score, i)) break;
        hs[k] = hs[m]!;
        hi[k] = hi[m]!;
        hr[k] = hr[m]!;
        k = m;
      }
      hs[k] = score;
      hi[k] = i;
      hr[k] = rank;
    }
    if (this.size === this.k) {
      this.rootScore = hs[0]!;
      this.rootId = this.idOf(hi[0]!);
    }
  }

  /** The kept workers, best first. */
  sorted(): { i: number; rank: number; score: number }[] {
    const { score: hs, idx: hi, rank: hr } = this;
    const slots = Array.from({ length: this.size }, (_, k) => k);
    slots.sort((a, b) => (this.worse(hs[a]!, hi[a]!, hs[b]!, hi[b]!) ? 1 : this.worse(hs[b]!, hi[b]!, hs[a]!, hi[a]!) ? -1 : 0));
    return slots.map((k) => ({ i: hi[k]!, rank: hr[k]!, score: hs[k]! }));
  }
}

/** Exclusion counts in `EXCLUSION_CODES` order. */
export type Counts = Record<ExclusionCode, number>;

/** The result both loops return, from the heap's winners and the counts. */
export function buildResult(
  ctx: Ctx,
  heap: TopK,
  source: readonly MatchCandidate[],
  counts: Counts,
  excluded: { id: string; reasons: Reason[] }[] | undefined,
): RankResult {
  const ranked = heap.sorted().map((x) => explainRanked(ctx, source[x.i]!, x.rank, x.score));
  const excludedCount = counts.expelled + counts.on_probation + counts.wrong_trade + counts.grade_too_low + counts.missing_certificate + counts.busy_overlap;
  const eligibleCount = source.length - excludedCount;
  const result: RankResult = {
    policyVersion: ctx.policy.version,
    ranked,
    eligibleCount,
    excludedCount,
    excludedByReason: counts,
    shortfall: Math.max(0, ctx.order.headcount - eligibleCount),
  };
  if (excluded !== undefined) result.excluded = excluded;
  return result;
}

/** A last job on or before this ISO day is idle for the whole cap (string compare, no parsing). */
export function capDateOf(ctx: Ctx): IsoDate {
  return fromDayNumber(ctx.todayDay - ctx.policy.rotation.idleDaysCap);
}
