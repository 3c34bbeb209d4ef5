import type { GradingPolicy, PromotionThreshold, WorkerStatus } from "./grading-policy.ts";
import { addDays, isIsoDate } from "./dates.ts";
import { reason, toStarGrade } from "./types.ts";
import type { IsoDate, Reason, StarGrade } from "./types.ts";
import { wilsonLowerBound, wilsonUpperBound } from "./wilson-lower-bound.ts";

/** One follow-up visit (回访) after a job: employer's scores and whether they were satisfied. */
export interface JobRating {
  date: IsoDate;
  /** Service attitude 1..5. */
  attitude: number;
  /** Work quality 1..5. */
  quality: number;
  satisfied: boolean;
}

export interface ComplaintRecord {
  date: IsoDate;
  /** Only complaints upheld after investigation count against the worker. */
  upheld: boolean;
}

export interface GradeSanctionRecord {
  date: IsoDate;
  /** A ladder step (see `SanctionStep`), e.g. `star_demotion`. */
  kind: string;
  reversed?: boolean;
  /** The sanction's own grade change was already applied; the review must not demote again for it. */
  gradeApplied?: boolean;
}

export interface ReviewInput {
  current: StarGrade;
  today: IsoDate;
  status: WorkerStatus;
  ratings: readonly JobRating[];
  complaints: readonly ComplaintRecord[];
  sanctions: readonly GradeSanctionRecord[];
  /** Jobs completed in the window, rated or not; the denominator of the complaint rate when larger. */
  jobsCompleted?: number;
}

export interface ReviewStats {
  windowStart: IsoDate;
  ratedJobs: number;
  satisfied: number;
  satisfactionLb: number;
  satisfactionUb: number;
  /** Smoothed (Bayesian) means, 1..5. */
  attitude: number;
  quality: number;
  /** Denominator of the complaint rate. */
  jobs: number;
  upheldComplaints: number;
  complaintRateLb: number;
  /** Unreversed sanctions dated in the window. */
  sanctionsInWindow: number;
  /** Of those, demotion-class sanctions whose grade change was not yet applied. */
  demotionSanctions: number;
}

export interface ReviewResult {
  next: StarGrade;
  change: -1 | 0 | 1;
  reasons: Reason[];
  stats: ReviewStats;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function checkScore(value: number, field: string): void {
  if (!Number.isFinite(value) || value < 1 || value > 5) throw new RangeError(`${field} must be 1..5, got ${value}`);
}

/** Statistics of the rolling window: last `windowDays` days and at most `windowMaxJobs` rated jobs. */
export function reviewStats(policy: GradingPolicy, input: ReviewInput): ReviewStats {
  const p = policy.review;
  const windowStart = addDays(input.today, -(p.windowDays - 1));
  // ISO dates order as strings; this runs for every rating of every worker (core.review.100k).
  const inWindow = (date: IsoDate): boolean => {
    if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
    return date >= windowStart && date <= input.today;
  };
  input.ratings.forEach((r, i) => {
    checkScore(r.attitude, `ratings[${i}].attitude`);
    checkScore(r.quality, `ratings[${i}].quality`);
  });
  const recent = input.ratings
    .map((r, i) => ({ r, i }))
    .filter((x) => inWindow(x.r.date))
    // Newest first; ties keep input order so the cut is reproducible.
    .sort((a, b) => (a.r.date < b.r.date ? 1 : a.r.date > b.r.date ? -1 : a.i - b.i));
  const rated = recent.slice(0, p.windowMaxJobs).map((x) => x.r);
  const n = rated.length;
  const satisfied = rated.filter((r) => r.satisfied).length;
  const smooth = (sum: number): number => (sum + p.priorMean * p.priorWeight) / (n + p.priorWeight);
  const attitude = smooth(rated.reduce((s, r) => s + r.attitude, 0));
  const quality = smooth(rated.reduce((s, r) => s + r.quality, 0));

  const upheld = input.complaints.filter((c) => c.upheld && inWindow(c.date)).length;
  const jobsCompleted = input.jobsCompleted ?? 0;
  if (!Number.isInteger(jobsCompleted) || jobsCompleted < 0) throw new RangeError(`jobsCompleted must be a non-negative integer, got ${jobsCompleted}`);
  const jobs = Math.max(jobsCompleted, recent.length, upheld);

  const live = input.sanctions.filter((s) => s.reversed !== true && inWindow(s.date));
  const demotionSanctions = live.filter((s) => p.demotionSanctionKinds.includes(s.kind) && s.gradeApplied !== true).length;
  return {
    windowStart,
    ratedJobs: n,
    satisfied,
    satisfactionLb: wilsonLowerBound(satisfied, n, p.z),
    satisfactionUb: wilsonUpperBound(satisfied, n, p.z),
    attitude,
    quality,
    jobs,
    upheldComplaints: upheld,
    complaintRateLb: wilsonLowerBound(upheld, jobs, p.z),
    sanctionsInWindow: live.length,
    demotionSanctions,
  };
}

function demotionReasons(policy: GradingPolicy, current: StarGrade, s: ReviewStats): Reason[] {
  const out: Reason[] = [];
  if (current > 0) {
    const keep = policy.review.keep[current as 1 | 2 | 3 | 4 | 5];
    if (s.satisfactionUb < keep.minSatisfactionUb) {
      out.push(
        reason(
          "review.demote.satisfaction",
          `近期满意率过低（${s.satisfied}/${s.ratedJobs} 满意），达不到 ${current} 星的保级要求`,
          `Satisfaction too low (${s.satisfied}/${s.ratedJobs} satisfied) to keep ${current} stars`,
          { satisfied: s.satisfied, ratedJobs: s.ratedJobs, satisfactionUb: round(s.satisfactionUb), threshold: keep.minSatisfactionUb },
        ),
      );
    }
    if (s.quality < keep.minQuality) {
      out.push(
        reason("review.demote.quality", `回访工作质量平均分 ${round(s.quality)} 低于 ${current} 星保级线 ${keep.minQuality}`, `Mean work quality ${round(s.quality)} is below the ${keep.minQuality} needed to keep ${current} stars`, {
          quality: round(s.quality),
          threshold: keep.minQuality,
        }),
      );
    }
  }
  if (s.complaintRateLb > policy.review.maxUpheldComplaintRateLb) {
    out.push(
      reason("review.demote.complaints", `近期有 ${s.upheldComplaints} 起投诉经核实成立（共 ${s.jobs} 单），投诉率超过上限`, `${s.upheldComplaints} upheld complaints in ${s.jobs} jobs: complaint rate above the limit`, {
        upheldComplaints: s.upheldComplaints,
        jobs: s.jobs,
        complaintRateLb: round(s.complaintRateLb),
        limit: policy.review.maxUpheldComplaintRateLb,
      }),
    );
  }
  if (s.demotionSanctions > 0) {
    out.push(reason("review.demote.sanction", "评定周期内受到降级处分", "A demotion-class sanction in the review window", { count: s.demotionSanctions }));
  }
  return out;
}

function promotionBlockers(policy: GradingPolicy, input: ReviewInput, s: ReviewStats, t: PromotionThreshold, target: number): Reason[] {
  const out: Reason[] = [];
  if (input.status !== "active") {
    const zh = input.status === "probation" ? "候场查看期间不晋升星级" : "已逐出市场，不晋升星级";
    out.push(reason("review.no_promotion.status", zh, `No promotion while ${input.status}`, { status: input.status }));
  }
  if (s.sanctionsInWindow > 0) {
    out.push(reason("review.no_promotion.sanction", "评定周期内有处分记录，暂不晋升", "A sanction in the review window blocks promotion", { sanctions: s.sanctionsInWindow }));
  }
  const minJobs = Math.max(policy.review.minRatedJobsForPromotion, t.minRatedJobs);
  if (s.ratedJobs < minJobs) {
    out.push(reason("review.no_promotion.too_few_jobs", `已回访评价 ${s.ratedJobs} 单，晋升 ${target} 星需至少 ${minJobs} 单`, `${s.ratedJobs} rated jobs; ${minJobs} needed for ${target} stars`, { ratedJobs: s.ratedJobs, required: minJobs }));
  }
  if (s.satisfactionLb < t.minSatisfactionLb) {
    out.push(
      reason("review.no_promotion.satisfaction", `满意率（按单数折算）${round(s.satisfactionLb)}，晋升 ${target} 星需 ${t.minSatisfactionLb}`, `Satisfaction (small-sample adjusted) ${round(s.satisfactionLb)}; ${t.minSatisfactionLb} needed for ${target} stars`, {
        satisfactionLb: round(s.satisfactionLb),
        threshold: t.minSatisfactionLb,
      }),
    );
  }
  if (s.attitude < t.minAttitude) {
    out.push(reason("review.no_promotion.attitude", `服务态度平均分 ${round(s.attitude)}，晋升需 ${t.minAttitude}`, `Mean attitude ${round(s.attitude)}; ${t.minAttitude} needed`, { attitude: round(s.attitude), threshold: t.minAttitude }));
  }
  if (s.quality < t.minQuality) {
    out.push(reason("review.no_promotion.quality", `工作质量平均分 ${round(s.quality)}，晋升需 ${t.minQuality}`, `Mean quality ${round(s.quality)}; ${t.minQuality} needed`, { quality: round(s.quality), threshold: t.minQuality }));
  }
  if (s.upheldComplaints > t.maxUpheldComplaints) {
    out.push(
      reason("review.no_promotion.complaints", `有 ${s.upheldComplaints} 起成立的投诉，晋升 ${target} 星最多允许 ${t.maxUpheldComplaints} 起`, `${s.upheldComplaints} upheld complaints; at most ${t.maxUpheldComplaints} allowed for ${target} stars`, {
        upheldComplaints: s.upheldComplaints,
        limit: t.maxUpheldComplaints,
      }),
    );
  }
  return out;
}

/**
 * M3/M4/M8 periodic review: moves a worker's star grade at most ONE level (逐级晋升或降低).
 * Demotion (any keep-threshold missed, complaint rate above the limit, or an unapplied
 * demotion-class sanction) takes precedence over promotion. Promotion needs enough rated jobs,
 * thresholds that rise with the target grade, no sanction in the window and status `active`.
 */
export function reviewGrade(policy: GradingPolicy, input: ReviewInput): ReviewResult {
  const stats = reviewStats(policy, input);
  const { current } = input;
  const base = reason("review.window", `评定周期 ${stats.windowStart} 至 ${input.today}，回访评价 ${stats.ratedJobs} 单`, `Review window ${stats.windowStart} to ${input.today}, ${stats.ratedJobs} rated jobs`, {
    ratedJobs: stats.ratedJobs,
    satisfied: stats.satisfied,
    policyVersion: policy.version,
  });
  const demote = demotionReasons(policy, current, stats);
  if (demote.length > 0) {
    if (current === 0) {
      return { next: 0, change: 0, stats, reasons: [base, ...demote, reason("review.at_lowest", "已是无星，不再降级", "Already at no star; cannot go lower")] };
    }
    const next = toStarGrade(current - 1);
    return { next, change: -1, stats, reasons: [base, ...demote, reason("review.demoted", `由 ${current} 星降为 ${next} 星`, `Demoted from ${current} to ${next} stars`, { from: current, to: next })] };
  }
  if (current === 5) {
    return { next: 5, change: 0, stats, reasons: [base, reason("review.kept", "保持五星（最高星级）", "Kept at 5 stars (the top grade)", { grade: 5 })] };
  }
  const target = (current + 1) as 1 | 2 | 3 | 4 | 5;
  const blockers = promotionBlockers(policy, input, stats, policy.review.promotion[target], target);
  if (blockers.length === 0) {
    return { next: target, change: 1, stats, reasons: [base, reason("review.promoted", `由 ${current} 星晋升为 ${target} 星`, `Promoted from ${current} to ${target} stars`, { from: current, to: target })] };
  }
  return { next: current, change: 0, stats, reasons: [base, ...blockers, reason("review.kept", `保持 ${current} 星`, `Kept at ${current} stars`, { grade: current })] };
}

/** A recorded change to a worker's grade, for replaying the grade from scratch. */
export type GradeEvent =
  | { kind: "review"; change: -1 | 0 | 1 }
  | { kind: "sanction_demotion" }
  /** Undo of an earlier event; `change` is the change that event actually made (0 if it was clamped). */
  | { kind: "reversal"; of: "review" | "sanction_demotion"; change: -1 | 0 | 1 }
  | { kind: "manual"; to: StarGrade };

/**
 * The grade after applying `events` in order to `initial`, clamped to 0..5 after each event.
 * The API checks that concurrent reviews and sanctions end in this from-scratch grade.
 */
export function replayGrade(_policy: GradingPolicy, initial: StarGrade, events: readonly GradeEvent[]): StarGrade {
  let g: StarGrade = initial;
  for (const e of events) {
    switch (e.kind) {
      case "review":
        g = toStarGrade(g + e.change);
        break;
      case "sanction_demotion":
        g = toStarGrade(g - 1);
        break;
      case "reversal":
        g = toStarGrade(g - e.change);
        break;
      case "manual":
        g = toStarGrade(e.to);
        break;
    }
  }
  return g;
}
