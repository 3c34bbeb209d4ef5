import { dayNumber, fromDayNumber } from "./dates.ts";
import type { MatchingPolicy } from "./matching-policy.ts";
import { reason, SKILL_GRADE_LABELS, skillGradeRank } from "./types.ts";
import type { IsoDate, Reason, SkillGrade, StarGrade } from "./types.ts";

/** A job order as matching sees it (R5, R6). Dates are inclusive Asia/Shanghai days. */
export interface MatchOrder {
  trade: string;
  minSkillGrade?: SkillGrade;
  headcount: number;
  startDate: IsoDate;
  endDate: IsoDate;
  township?: string;
  /** Day rate offered, integer fen. Not a ranking input: the wage floor check lives in the wages rules. */
  offeredDayFen?: number;
  requiredCertificates?: readonly string[];
}

/**
 * A worker as matching sees it. The protected attributes are listed only so callers may pass whole
 * archive rows: the ranking never reads them (tested by a property), so they cannot change a score.
 */
export interface MatchCandidate {
  id: string;
  trades: readonly { code: string; skillGrade: SkillGrade }[];
  stars: StarGrade;
  ratedJobs: number;
  satisfiedJobs: number;
  township?: string;
  /** Existing dispatches, inclusive days. */
  busy: readonly { start: IsoDate; end: IsoDate }[];
  status: "active" | "probation" | "expelled";
  certificates: readonly string[];
  lastJobDate?: IsoDate;
  earnings30dFen: number;
  gender?: string;
  birthDate?: IsoDate;
  ethnicity?: string;
  hukou?: string;
  origin?: string;
}

export type ExclusionCode = "expelled" | "on_probation" | "wrong_trade" | "grade_too_low" | "missing_certificate" | "busy_overlap";

/** Hard filters in the order they are checked; an excluded worker is counted under the first that fails. */
export const EXCLUSION_CODES: readonly ExclusionCode[] = ["expelled", "on_probation", "wrong_trade", "grade_too_low", "missing_certificate", "busy_overlap"];

/** Points of each part of the score (0..its weight); they add up to the score (up to rounding). */
export interface ScoreBreakdown {
  skillFit: number;
  stars: number;
  satisfaction: number;
  proximity: number;
  rotation: number;
}

export interface RankedCandidate {
  id: string;
  /** 0..100, rounded to 0.01; ranking uses this rounded value, then id. */
  score: number;
  breakdown: ScoreBreakdown;
  reasons: Reason[];
}

export interface RankResult {
  policyVersion: string;
  ranked: RankedCandidate[];
  eligibleCount: number;
  excludedCount: number;
  /** Every code is present; each excluded worker is counted once, under the first failing filter. */
  excludedByReason: Record<ExclusionCode, number>;
  /** Only with `explain`: every excluded worker with all the filters it fails. */
  excluded?: { id: string; reasons: Reason[] }[];
  /** How many of the order's headcount the eligible workers cannot cover (0 when enough). */
  shortfall: number;
}

export interface RankOptions {
  today: IsoDate;
  topK?: number;
  explain?: boolean;
}

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

function gradeRank(g: SkillGrade): number {
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
interface Ctx {
  policy: MatchingPolicy;
  order: MatchOrder;
  minRank: number;
  todayDay: number;
  neighbours: Set<string>;
}

function skillFitOf(ctx: Ctx, rank: number): number {
  const p = ctx.policy.skillFit;
  const base = ctx.minRank >= 0 ? p.meetsMinimum - p.perLevelAbove * ctx.minRank : p.noMinimumBase;
  const v = base + p.perLevelAbove * rank;
  return v > 1 ? 1 : v;
}

function satisfactionOf(ctx: Ctx, c: MatchCandidate): number {
  const p = ctx.policy.satisfaction;
  return (c.satisfiedJobs + p.priorMean * p.priorWeight) / (c.ratedJobs + p.priorWeight);
}

function proximityOf(ctx: Ctx, c: MatchCandidate): number {
  const p = ctx.policy.proximity;
  const town = ctx.order.township;
  if (town === undefined || c.township === undefined) return p.unknown;
  if (c.township === town) return p.sameTownship;
  return ctx.neighbours.has(c.township) ? p.neighbouring : p.elsewhere;
}

function idleDays(todayDay: number, lastJobDate: IsoDate | undefined, cap: number): number {
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

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The candidate's grade in the order's trade, -1 when it lacks the trade. */
function tradeRank(trades: MatchCandidate["trades"], trade: string): number {
  for (let j = 0; j < trades.length; j++) {
    const t = trades[j]!;
    if (t.code === trade) return gradeRank(t.skillGrade);
  }
  return -1;
}

function hasCertificates(c: MatchCandidate, required: readonly string[]): boolean {
  for (let j = 0; j < required.length; j++) if (!c.certificates.includes(required[j]!)) return false;
  return true;
}

/** ISO dates compare correctly as strings, so overlap needs no parsing. */
function overlapping(c: MatchCandidate, start: IsoDate, end: IsoDate): { start: IsoDate; end: IsoDate } | undefined {
  const busy = c.busy;
  for (let j = 0; j < busy.length; j++) {
    const b = busy[j]!;
    if (b.start <= end && b.end >= start) return b;
  }
  return undefined;
}

const NO_CERTS: readonly string[] = [];

/** All hard filters a worker fails, in `EXCLUSION_CODES` order (empty when eligible). */
function exclusionReasons(ctx: Ctx, c: MatchCandidate): Reason[] {
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

function explainRanked(ctx: Ctx, c: MatchCandidate, rank: number, score: number): RankedCandidate {
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
function neighboursOf(adjacency: MatchingPolicy["proximity"]["adjacency"], town: string | undefined): Set<string> {
  const set = new Set<string>();
  if (town === undefined) return set;
  for (const t of adjacency[town] ?? []) set.add(t);
  for (const [t, list] of Object.entries(adjacency)) if (list.includes(town)) set.add(t);
  set.delete(town);
  return set;
}

function validate(order: MatchOrder, topK: number, today: IsoDate): void {
  if (!Number.isInteger(topK) || topK < 1) throw new RangeError(`topK must be a positive integer, got ${topK}`);
  if (!Number.isInteger(order.headcount) || order.headcount < 1) throw new RangeError(`order.headcount must be a positive integer, got ${order.headcount}`);
  if (dayNumber(order.endDate) < dayNumber(order.startDate)) throw new RangeError(`order.endDate ${order.endDate} is before order.startDate ${order.startDate}`);
  dayNumber(today);
  if (order.minSkillGrade !== undefined && skillGradeRank(order.minSkillGrade) < 0) throw new RangeError(`order.minSkillGrade is not a skill grade: ${order.minSkillGrade}`);
}

/**
 * Rank workers for a job order (R5, R6): hard filters, then a 0..100 soft score
 * (skill fit, stars, smoothed satisfaction, proximity, fair rotation; weights in `policy`), best
 * first, ties broken by id (ascending, JavaScript string order). Returns the top `topK` (default 20)
 * with their breakdown and reasons.
 *
 * One pass over the candidates with a fixed `topK`-slot min-heap: rejected workers allocate
 * nothing and breakdowns are built only for the winners, so 100,000 workers rank in ~1–2 ms.
 * Protected attributes (gender, birth date, ethnicity, 户籍, origin) are never read. Candidate records
 * are trusted (they come from the archive): ids must be unique and dates well-formed `YYYY-MM-DD`.
 *
 * @throws RangeError on a malformed order (dates, headcount, grade), `today` or `topK`.
 */
export function rankCandidates(policy: MatchingPolicy, order: MatchOrder, candidates: readonly MatchCandidate[], options: RankOptions): RankResult {
  const topK = options.topK ?? 20;
  validate(order, topK, options.today);
  const ctx: Ctx = {
    policy,
    order,
    minRank: order.minSkillGrade === undefined ? -1 : gradeRank(order.minSkillGrade),
    todayDay: dayNumber(options.today),
    neighbours: neighboursOf(policy.proximity.adjacency, order.township),
  };
  const explain = options.explain === true;
  const excluded: { id: string; reasons: Reason[] }[] = [];
  const trade = order.trade;
  const minRank = ctx.minRank;
  const start = order.startDate;
  const end = order.endDate;
  const required = order.requiredCertificates ?? NO_CERTS;
  const excludeProbation = policy.excludeProbation;
  let nExpelled = 0, nProbation = 0, nTrade = 0, nGrade = 0, nCert = 0, nBusy = 0;

  // Every number the score needs, hoisted out of the loop. The arithmetic mirrors the helpers
  // used by `explainRanked` term for term (same order), so a score never disagrees with its breakdown.
  const w = policy.weights;
  const wSkill = w.skillFit, wStars = w.stars, wSat = w.satisfaction, wProx = w.proximity, wRot = w.rotation;
  const sf = policy.skillFit;
  const skillBase = minRank >= 0 ? sf.meetsMinimum - sf.perLevelAbove * minRank : sf.noMinimumBase;
  const perLevel = sf.perLevelAbove;
  const priorMass = policy.satisfaction.priorMean * policy.satisfaction.priorWeight;
  const priorWeight = policy.satisfaction.priorWeight;
  const px = policy.proximity;
  const town = order.township;
  const neighbours = ctx.neighbours;
  const hasNeighbours = neighbours.size > 0;
  const rp = policy.rotation;
  const idleCap = rp.idleDaysCap, idleShare = rp.idleShare, earnShare = 1 - rp.idleShare, earnCap = rp.earningsCapFen;
  const todayDay = ctx.todayDay;
  const proxMax = Math.max(px.sameTownship, px.neighbouring, px.elsewhere, px.unknown);
  const canBound = wProx >= 0 && wRot >= 0 && idleShare >= 0 && idleCap > 0;
  const today = options.today;
  // A last job on or before this day is idle for the whole cap: a string compare, no parsing.
  const capDate = fromDayNumber(todayDay - idleCap);
  // Min-heap of the best `topK` so far; the root is the worst of them (lowest score, then highest id).
  const heapScore = new Float64Array(topK);
  const heapIdx = new Int32Array(topK);
  const heapRank = new Int8Array(topK);
  let size = 0;
  let rootScore = -Infinity;
  let rootId = "";
  const worse = (sa: number, ia: number, sb: number, ib: number): boolean => sa < sb || (sa === sb && candidates[ia]!.id > candidates[ib]!.id);

  const n = candidates.length;
  // The loop is bound by memory latency (each worker is a few objects apart: record, trades array,
  // its elements, a trade), and its data-dependent branches stall the pipeline on each miss. Reading
  // the trades array of the worker PREFETCH places ahead starts those loads early; the value itself
  // is unused (kept in `ahead` only so the read cannot be dropped). In interleaved runs at 100k the
  // fastest and 10th-percentile times drop 4–8%; correctness does not depend on it.
  const PREFETCH = 8;
  let ahead = 0;
  for (let i = 0; i < n; i++) {
    const c = candidates[i]!;
    if (i + PREFETCH < n) ahead ^= candidates[i + PREFETCH]!.trades.length;
    const status = c.status;
    if (status !== "active") {
      if (status === "expelled") {
        nExpelled++;
        if (explain) excluded.push({ id: c.id, reasons: exclusionReasons(ctx, c) });
        continue;
      }
      if (excludeProbation) {
        nProbation++;
        if (explain) excluded.push({ id: c.id, reasons: exclusionReasons(ctx, c) });
        continue;
      }
    }
    const trades = c.trades;
    let rank = -1;
    for (let j = 0; j < trades.length; j++) {
      const t = trades[j]!;
      if (t.code === trade) {
        rank = gradeRank(t.skillGrade);
        break;
      }
    }
    if (rank < minRank || rank < 0) {
      if (rank < 0) nTrade++;
      else nGrade++;
      if (explain) excluded.push({ id: c.id, reasons: exclusionReasons(ctx, c) });
      continue;
    }
    if ((required.length > 0 && !hasCertificates(c, required)) || (c.busy.length > 0 && overlapping(c, start, end) !== undefined)) {
      if (required.length > 0 && !hasCertificates(c, required)) nCert++;
      else nBusy++;
      if (explain) excluded.push({ id: c.id, reasons: exclusionReasons(ctx, c) });
      continue;
    }
    let skill = skillBase + perLevel * rank;
    if (skill > 1) skill = 1;
    let earn = c.earnings30dFen;
    if (earn < 0) earn = 0;
    else if (earn > earnCap) earn = earnCap;
    const partial = wSkill * skill + wStars * (c.stars / 5) + wSat * ((c.satisfiedJobs + priorMass) / (c.ratedJobs + priorWeight));
    const rotEarn = earnShare * (1 - earn / earnCap);
    // Once the heap is full, most workers cannot reach its root even with the best proximity and a
    // full idle share: skip them before reading their township and last job date. The bound uses
    // the score's own expression (float + and × by non-negative numbers are monotone), so it never
    // drops a worker that could enter the top K.
    if (size === topK && canBound && Math.round((partial + wProx * proxMax + wRot * (idleShare * 1 + rotEarn)) * 100) / 100 < rootScore) continue;
    const ct = c.township;
    const prox = town === undefined || ct === undefined ? px.unknown : ct === town ? px.sameTownship : hasNeighbours && neighbours.has(ct) ? px.neighbouring : px.elsewhere;
    const last = c.lastJobDate;
    let idle: number;
    if (last === undefined || last <= capDate) idle = idleCap;
    else if (last >= today) idle = 0;
    else idle = todayDay - isoDayNumberUnchecked(last);
    const score = Math.round((partial + wProx * prox + wRot * (idleShare * (idle / idleCap) + rotEarn)) * 100) / 100;
    // Records are trusted for speed; a number that is not one shows up here as NaN.
    if (score !== score) throw new RangeError(`candidate ${c.id}: earnings30dFen, stars, ratedJobs and satisfiedJobs must be numbers`);
    // Most workers lose to the current worst of the top K: one compare against cached locals.
    if (size === topK && (score < rootScore || (score === rootScore && c.id > rootId))) continue;
    if (size < topK) {
      // Sift up.
      let k = size++;
      while (k > 0) {
        const parent = (k - 1) >> 1;
        if (!worse(score, i, heapScore[parent]!, heapIdx[parent]!)) break;
        heapScore[k] = heapScore[parent]!;
        heapIdx[k] = heapIdx[parent]!;
        heapRank[k] = heapRank[parent]!;
        k = parent;
      }
      heapScore[k] = score;
      heapIdx[k] = i;
      heapRank[k] = rank;
    } else {
      // Replace the root and sift down.
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        if (l >= size) break;
        const r = l + 1;
        const m = r < size && worse(heapScore[r]!, heapIdx[r]!, heapScore[l]!, heapIdx[l]!) ? r : l;
        if (!worse(heapScore[m]!, heapIdx[m]!, score, i)) break;
        heapScore[k] = heapScore[m]!;
        heapIdx[k] = heapIdx[m]!;
        heapRank[k] = heapRank[m]!;
        k = m;
      }
      heapScore[k] = score;
      heapIdx[k] = i;
      heapRank[k] = rank;
    }
    if (size === topK) {
      rootScore = heapScore[0]!;
      rootId = candidates[heapIdx[0]!]!.id;
    }
  }

  if (ahead < 0) throw new RangeError("unreachable: array lengths are never negative");
  const slots = Array.from({ length: size }, (_, k) => k);
  slots.sort((a, b) => (worse(heapScore[a]!, heapIdx[a]!, heapScore[b]!, heapIdx[b]!) ? 1 : worse(heapScore[b]!, heapIdx[b]!, heapScore[a]!, heapIdx[a]!) ? -1 : 0));
  const ranked = slots.map((k) => explainRanked(ctx, candidates[heapIdx[k]!]!, heapRank[k]!, heapScore[k]!));
  const excludedCount = nExpelled + nProbation + nTrade + nGrade + nCert + nBusy;
  const eligibleCount = candidates.length - excludedCount;
  const result: RankResult = {
    policyVersion: policy.version,
    ranked,
    eligibleCount,
    excludedCount,
    excludedByReason: { expelled: nExpelled, on_probation: nProbation, wrong_trade: nTrade, grade_too_low: nGrade, missing_certificate: nCert, busy_overlap: nBusy },
    shortfall: Math.max(0, order.headcount - eligibleCount),
  };
  if (explain) result.excluded = excluded;
  return result;
}
