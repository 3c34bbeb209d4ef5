import { DEFAULT_LEADERBOARD_POLICY, addDays, findTrade, maskName, rankLeaderboard, shanghaiDate } from "@lingong/core";
import type { LeaderboardCandidate, LeaderboardPolicy, StarGrade } from "@lingong/core";
import { and, eq, gte, isNull, lte, ne } from "drizzle-orm";
import { complaints } from "../schema/complaints.ts";
import { dispatches } from "../schema/dispatches.ts";
import { followups } from "../schema/followups.ts";
import { jobOrders } from "../schema/orders.ts";
import { honourRoll } from "../schema/publicity.ts";
import { workers } from "../schema/workers.ts";
import type { DbLike } from "./hall-common.ts";
import { shanghaiInstant } from "./workforce-common.ts";

// R4 优秀榜: the excellent-worker leaderboard, ranked by core's rankLeaderboard from the jobs,
// follow-up ratings and upheld complaints of the window. Staff see everyone; the public board
// shows only workers who consented to public display through a current honour-roll entry
// (PIPL Art 25; docs/privacy.md "Public screens"), by masked name only.

function tradeLabel(code: string) {
  const t = findTrade(code);
  return { code, zh: t?.zh ?? code, en: t?.en ?? code };
}

interface Gathered {
  policy: LeaderboardPolicy;
  day: string;
  candidates: LeaderboardCandidate[];
  /** Worker rows by id. */
  people: Map<string, { id: string; name: string; workerNo: string; stars: number; status: string }>;
  /** The trade each worker worked most in the window (ties: code order). */
  mainTrade: Map<string, string>;
  /** Workers whose current honour-roll entry carries their consent to public display. */
  consenting: Set<string>;
}

/** Collects every input of the rule for one market and window (optionally one trade). */
async function gather(db: DbLike, marketId: string, now: Date, opts: { trade?: string | undefined; windowDays?: number | undefined }): Promise<Gathered> {
  const policy: LeaderboardPolicy = { ...DEFAULT_LEADERBOARD_POLICY, ...(opts.windowDays ? { windowDays: opts.windowDays } : {}), size: 1000 };
  const day = shanghaiDate(now);
  const since = shanghaiInstant(addDays(day, -(policy.windowDays - 1)));
  const tradeFilter = opts.trade ? eq(jobOrders.tradeCode, opts.trade) : undefined;

  const [people, jobs, ratings, upheld, honours] = await Promise.all([
    db
      .select({ id: workers.id, name: workers.name, workerNo: workers.workerNo, stars: workers.stars, status: workers.status })
      .from(workers)
      .where(and(eq(workers.marketId, marketId), ne(workers.status, "deregistered"))),
    db
      .select({ workerId: dispatches.workerId, completedAt: dispatches.completedAt, trade: jobOrders.tradeCode })
      .from(dispatches)
      .innerJoin(jobOrders, eq(jobOrders.id, dispatches.orderId))
      .where(and(eq(dispatches.marketId, marketId), eq(dispatches.status, "completed"), gte(dispatches.completedAt, since), lte(dispatches.completedAt, now), tradeFilter)),
    db
      // A rating belongs to its job: it counts when the job was completed in the window.
      .select({ workerId: followups.workerId, completedAt: dispatches.completedAt, satisfied: followups.satisfied })
      .from(followups)
      .innerJoin(dispatches, eq(dispatches.id, followups.dispatchId))
      .innerJoin(jobOrders, eq(jobOrders.id, dispatches.orderId))
      .where(
        and(
          eq(followups.marketId, marketId),
          eq(dispatches.status, "completed"),
          gte(dispatches.completedAt, since),
          lte(dispatches.completedAt, now),
          lte(followups.visitedAt, now),
          tradeFilter,
        ),
      ),
    db
      .select({ workerId: complaints.workerId, closedAt: complaints.closedAt })
      .from(complaints)
      .where(and(eq(complaints.marketId, marketId), eq(complaints.respondent, "worker"), eq(complaints.upheld, true), gte(complaints.closedAt, since))),
    db
      .select({ workerId: honourRoll.workerId })
      .from(honourRoll)
      .innerJoin(workers, eq(workers.id, honourRoll.workerId))
      .where(
        and(
          eq(honourRoll.marketId, marketId),
          eq(honourRoll.status, "active"),
          lte(honourRoll.periodStart, day),
          gte(honourRoll.periodEnd, day),
          eq(workers.status, "active"),
          isNull(workers.consentWithdrawnAt),
        ),
      ),
  ]);

  const byWorker = new Map<string, LeaderboardCandidate & { completedJobs: string[]; ratings: { date: string; satisfied: boolean }[]; upheldComplaints: string[] }>();
  const peopleById = new Map(people.map((p) => [p.id, p]));
  const slot = (id: string) => {
    let c = byWorker.get(id);
    const p = peopleById.get(id);
    if (!c && p) {
      c = { id, stars: p.stars as StarGrade, status: p.status as LeaderboardCandidate["status"], completedJobs: [], ratings: [], upheldComplaints: [] };
      byWorker.set(id, c);
    }
    return c;
  };
  const tradeCounts = new Map<string, Map<string, number>>();
  for (const j of jobs) {
    const c = slot(j.workerId);
    if (!c || !j.completedAt) continue;
    c.completedJobs.push(shanghaiDate(j.completedAt));
    const t = tradeCounts.get(j.workerId) ?? new Map<string, number>();
    t.set(j.trade, (t.get(j.trade) ?? 0) + 1);
    tradeCounts.set(j.workerId, t);
  }
  for (const r of ratings) if (r.completedAt) slot(r.workerId)?.ratings.push({ date: shanghaiDate(r.completedAt), satisfied: r.satisfied });
  for (const u of upheld) if (u.workerId && u.closedAt) slot(u.workerId)?.upheldComplaints.push(shanghaiDate(u.closedAt));

  const mainTrade = new Map<string, string>();
  for (const [id, counts] of tradeCounts) {
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (best) mainTrade.set(id, best[0]);
  }
  return { policy, day, candidates: [...byWorker.values()], people: peopleById, mainTrade, consenting: new Set(honours.map((h) => h.workerId)) };
}

/** Staff view: everyone eligible with full name, the numbers behind the rank and public-display consent. */
export async function staffLeaderboard(
  db: DbLike,
  marketId: string,
  opts: { trade?: string | undefined; windowDays?: number | undefined; limit: number; consentingOnly?: boolean | undefined },
  now: Date = new Date(),
) {
  const g = await gather(db, marketId, now, opts);
  const pool = opts.consentingOnly ? g.candidates.filter((c) => g.consenting.has(c.id)) : g.candidates;
  const r = rankLeaderboard({ ...g.policy, size: opts.limit }, { today: g.day, candidates: pool });
  return {
    policy: { version: g.policy.version, windowDays: g.policy.windowDays, minJobs: g.policy.minJobs, minRated: g.policy.minRated, maxUpheldComplaints: g.policy.maxUpheldComplaints },
    window: r.window,
    eligible: r.eligible,
    candidates: pool.length,
    entries: r.entries.map((e) => {
      const p = g.people.get(e.id);
      const trade = opts.trade ?? g.mainTrade.get(e.id);
      return {
        rank: e.rank,
        workerId: e.id,
        workerNo: p?.workerNo ?? "",
        name: p?.name ?? "",
        stars: e.stars,
        trade: trade ? tradeLabel(trade) : null,
        jobs: e.jobs,
        rated: e.rated,
        satisfied: e.satisfied,
        satisfactionPercent: Math.round(e.satisfactionRate * 100),
        satisfactionLb: Math.round(e.satisfactionLb * 1000) / 1000,
        reasons: e.reasons,
        publicConsent: g.consenting.has(e.id),
      };
    }),
  };
}

export interface PublicLeaderboardEntry {
  rank: number;
  maskedName: string;
  stars: number;
  trade: { code: string; zh: string; en: string } | null;
  jobs: number;
  satisfactionPercent: number;
}

/**
 * Public view (LED board, phone page): only workers with a current honour-roll entry recording
 * their consent, ranked among themselves, built field by field from an allow list.
 */
export async function publicLeaderboard(db: DbLike, marketId: string, opts: { trade?: string | undefined; limit: number }, now: Date = new Date()) {
  const g = await gather(db, marketId, now, { trade: opts.trade });
  const r = rankLeaderboard({ ...g.policy, size: opts.limit }, { today: g.day, candidates: g.candidates.filter((c) => g.consenting.has(c.id)) });
  const entries: PublicLeaderboardEntry[] = r.entries.map((e) => {
    const trade = opts.trade ?? g.mainTrade.get(e.id);
    return {
      rank: e.rank,
      maskedName: maskName(g.people.get(e.id)?.name),
      stars: e.stars,
      trade: trade ? tradeLabel(trade) : null,
      jobs: e.jobs,
      satisfactionPercent: Math.round(e.satisfactionRate * 100),
    };
  });
  return { window: r.window, windowDays: g.policy.windowDays, minJobs: g.policy.minJobs, entries };
}
