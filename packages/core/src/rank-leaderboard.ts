import { dayNumber, fromDayNumber, isIsoDate } from "./dates.ts";
import type { WorkerStatus } from "./grading-policy.ts";
import { reason } from "./types.ts";
import type { IsoDate, Reason, StarGrade } from "./types.ts";
import { wilsonLowerBound } from "./wilson-lower-bound.ts";

/**
 * R4 优秀榜: the excellent-worker leaderboard, computed (unlike the honour roll, which staff curate).
 *
 * The rule, in order:
 * 1. Only jobs completed and follow-up ratings made in the last `windowDays` days (today included) count.
 * 2. A worker is eligible when active (not on probation, expelled or deregistered), with at least
 *    `minJobs` completed jobs and `minRated` rated jobs in the window, and at most
 *    `maxUpheldComplaints` upheld complaints against them in the window.
 * 3. Eligible workers are ranked by the Wilson lower bound of their satisfied share of rated jobs
 *    (so 1 satisfied job of 1, bound 0.21, does not beat 48 of 50, bound 0.87), then by completed
 *    jobs, then by star grade, then by satisfied jobs, and finally by `id` (plain code-unit order), so
 *    the same data always gives the same board whatever order it arrives in.
 * 4. The first `size` are shown; rank is the position (1, 2, 3, ...), never shared.
 */
export interface LeaderboardPolicy {
  version: string;
  windowDays: number;
  minJobs: number;
  minRated: number;
  maxUpheldComplaints: number;
  /** z of the Wilson interval (1.96 = 95%). */
  z: number;
  /** How many places the board shows. */
  size: number;
}

/** Qinshui's defaults: the last 90 days, 5 jobs and 3 ratings at least, no upheld complaint, top 20. */
export const DEFAULT_LEADERBOARD_POLICY: LeaderboardPolicy = {
  version: "qinshui-2023.1",
  windowDays: 90,
  minJobs: 5,
  minRated: 3,
  maxUpheldComplaints: 0,
  z: 1.96,
  size: 20,
};

export interface LeaderboardCandidate {
  /** Stable identifier (the worker's id): the last tie-breaker. */
  id: string;
  stars: StarGrade;
  status?: WorkerStatus | "deregistered";
  /** Completion dates of the worker's jobs (any period; the rule applies the window). */
  completedJobs: readonly IsoDate[];
  ratings: readonly { date: IsoDate; satisfied: boolean }[];
  /** Dates of complaints upheld against the worker. */
  upheldComplaints?: readonly IsoDate[];
}

export interface LeaderboardEntry {
  id: string;
  rank: number;
  stars: StarGrade;
  /** Completed jobs in the window. */
  jobs: number;
  /** Rated jobs in the window. */
  rated: number;
  satisfied: number;
  /** satisfied / rated, the plain rate shown to people. */
  satisfactionRate: number;
  /** Wilson lower bound of the rate, the ranking key. */
  satisfactionLb: number;
  reasons: Reason[];
}

export interface LeaderboardResult {
  policyVersion: string;
  /** First and last day of the window. */
  window: { from: IsoDate; to: IsoDate };
  /** Eligible workers (before the cut to `size`). */
  eligible: number;
  entries: LeaderboardEntry[];
  /** Ineligible candidates and why (for staff; never shown publicly). */
  excluded: { id: string; reasons: Reason[] }[];
}

function checkPolicy(p: LeaderboardPolicy): void {
  const nonNegInt = (v: number) => Number.isInteger(v) && v >= 0;
  if (!Number.isInteger(p.windowDays) || p.windowDays < 1) throw new RangeError(`windowDays must be a positive integer, got ${p.windowDays}`);
  if (!nonNegInt(p.minJobs)) throw new RangeError(`minJobs must be a non-negative integer, got ${p.minJobs}`);
  if (!nonNegInt(p.minRated) || p.minRated < 1) throw new RangeError(`minRated must be a positive integer, got ${p.minRated}`);
  if (!nonNegInt(p.maxUpheldComplaints)) throw new RangeError(`maxUpheldComplaints must be a non-negative integer, got ${p.maxUpheldComplaints}`);
  if (!Number.isFinite(p.z) || p.z < 0) throw new RangeError(`z must be a non-negative number, got ${p.z}`);
  if (!Number.isInteger(p.size) || p.size < 1) throw new RangeError(`size must be a positive integer, got ${p.size}`);
}

const cmpId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Ranking order of two scored entries (negative: `a` ranks higher). */
function compareEntries(a: Omit<LeaderboardEntry, "rank">, b: Omit<LeaderboardEntry, "rank">): number {
  return (
    b.satisfactionLb - a.satisfactionLb ||
    b.jobs - a.jobs ||
    b.stars - a.stars ||
    b.satisfied - a.satisfied ||
    cmpId(a.id, b.id)
  );
}

/**
 * Ranks the excellent-worker leaderboard (R4 优秀榜) from each worker's jobs, ratings and upheld
 * complaints; see {@link LeaderboardPolicy} for the rule.
 * @throws RangeError on an invalid policy, a bad date or a repeated candidate id.
 */
export function rankLeaderboard(
  policy: LeaderboardPolicy,
  input: { today: IsoDate; candidates: readonly LeaderboardCandidate[] },
): LeaderboardResult {
  checkPolicy(policy);
  if (!isIsoDate(input.today)) throw new RangeError(`today must be YYYY-MM-DD, got ${input.today}`);
  const end = dayNumber(input.today);
  const inWindow = (d: IsoDate): boolean => {
    const age = end - dayNumber(d);
    return age >= 0 && age < policy.windowDays;
  };
  const seen = new Set<string>();
  const scored: Omit<LeaderboardEntry, "rank">[] = [];
  const excluded: LeaderboardResult["excluded"] = [];
  for (const c of input.candidates) {
    if (seen.has(c.id)) throw new RangeError(`candidate ${c.id} appears twice`);
    seen.add(c.id);
    const jobs = c.completedJobs.filter(inWindow).length;
    const ratings = c.ratings.filter((r) => inWindow(r.date));
    const rated = ratings.length;
    const satisfied = ratings.filter((r) => r.satisfied).length;
    const upheld = (c.upheldComplaints ?? []).filter(inWindow).length;
    const why: Reason[] = [];
    const status = c.status ?? "active";
    if (status !== "active") {
      why.push(reason("leaderboard.status", "候场查看、逐出市场或已注销的零工不上榜", "Workers on probation, expelled or deregistered are not listed", { status }));
    }
    if (jobs < policy.minJobs) {
      why.push(reason("leaderboard.few_jobs", `近${policy.windowDays}天完成${jobs}单，少于${policy.minJobs}单`, `${jobs} jobs in ${policy.windowDays} days, fewer than ${policy.minJobs}`, { jobs, minJobs: policy.minJobs }));
    }
    if (rated < policy.minRated) {
      why.push(reason("leaderboard.few_ratings", `近${policy.windowDays}天回访评价${rated}次，少于${policy.minRated}次`, `${rated} rated jobs, fewer than ${policy.minRated}`, { rated, minRated: policy.minRated }));
    }
    if (upheld > policy.maxUpheldComplaints) {
      why.push(reason("leaderboard.complaints", `近${policy.windowDays}天有${upheld}起投诉成立`, `${upheld} upheld complaints in the window`, { upheld, max: policy.maxUpheldComplaints }));
    }
    if (why.length > 0) {
      excluded.push({ id: c.id, reasons: why });
      continue;
    }
    const lb = wilsonLowerBound(satisfied, rated, policy.z);
    scored.push({
      id: c.id,
      stars: c.stars,
      jobs,
      rated,
      satisfied,
      satisfactionRate: satisfied / rated,
      satisfactionLb: lb,
      reasons: [
        reason(
          "leaderboard.record",
          `近${policy.windowDays}天完成${jobs}单，回访满意${satisfied}/${rated}，满意率下限${(lb * 100).toFixed(1)}%`,
          `${jobs} jobs in ${policy.windowDays} days, ${satisfied} of ${rated} rated satisfied, lower bound ${(lb * 100).toFixed(1)}%`,
          { jobs, rated, satisfied, satisfactionLb: Math.round(lb * 1000) / 1000, windowDays: policy.windowDays },
        ),
      ],
    });
  }
  scored.sort(compareEntries);
  excluded.sort((a, b) => cmpId(a.id, b.id));
  return {
    policyVersion: policy.version,
    window: { from: fromDayNumber(end - policy.windowDays + 1), to: input.today },
    eligible: scored.length,
    entries: scored.slice(0, policy.size).map((e, i) => ({ ...e, rank: i + 1 })),
    excluded,
  };
}
