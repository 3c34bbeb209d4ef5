import { addDays, drawLottery, lotteryWeights, rankCandidates, shanghaiDate, type MatchCandidate, type MatchingPolicy, type SkillGrade, type StarGrade } from "@lingong/core";
import { and, eq, gt, inArray, lt, ne, sql } from "drizzle-orm";
import { DomainError, notFound, registerConstraintMessage } from "../errors.ts";
import { townships } from "../schema/core.ts";
import { dispatches, LIVE_DISPATCH_STATUSES } from "../schema/dispatches.ts";
import { followups } from "../schema/followups.ts";
import { lotteryDraws, negotiationRooms, roomBookings, shortlists } from "../schema/matching.ts";
import { workerTrades, workers } from "../schema/workers.ts";
import { loadOrder } from "./orders.ts";
import { badRequest, effectivePolicy, shanghaiInstant, todayShanghai, type DbLike } from "./workforce-common.ts";
import { assertProcessable, type Actor } from "./workers.ts";

// R5/R6: recommendation and lottery over the market's workers, shortlists, rooms and bookings.
registerConstraintMessage("room_bookings_no_overlap", { code: "CONFLICT", message: "该洽谈室在此时间段已被预约", field: "roomId", messageEn: "The room is already booked then" });
registerConstraintMessage("shortlists_order_worker", { code: "CONFLICT", message: "该零工已在候选名单中", field: "workerId", messageEn: "Already shortlisted" });
registerConstraintMessage("negotiation_rooms_market_name", { code: "CONFLICT", message: "洽谈室名称重复", field: "name", messageEn: "Duplicate room name" });

/**
 * The order's candidates as core's `MatchCandidate`s, in four queries whatever their number:
 * workers holding the trade, their live dispatches overlapping the order, their 30-day history,
 * and their follow-up ratings (core smooths small samples, so raw counts go in).
 */
export async function loadCandidates(db: DbLike, marketId: string, order: { id: string; tradeCode: string; startDate: string; endDate: string }, today: string): Promise<MatchCandidate[]> {
  const rows = await db
    .select({ id: workers.id, stars: workers.stars, status: workers.status, township: townships.name, skillGrade: workerTrades.skillGrade, certificates: workerTrades.certificates })
    .from(workerTrades)
    .innerJoin(workers, eq(workers.id, workerTrades.workerId))
    .leftJoin(townships, eq(townships.id, workers.townshipId))
    .where(and(eq(workerTrades.marketId, marketId), eq(workerTrades.tradeCode, order.tradeCode), ne(workers.status, "deregistered"), sql`${workers.consentWithdrawnAt} is null`));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const from = shanghaiInstant(order.startDate);
  const to = shanghaiInstant(addDays(order.endDate, 1));
  const busy = await db
    .select({ workerId: dispatches.workerId, startsAt: dispatches.startsAt, endsAt: dispatches.endsAt })
    .from(dispatches)
    .where(and(eq(dispatches.marketId, marketId), inArray(dispatches.workerId, ids), inArray(dispatches.status, [...LIVE_DISPATCH_STATUSES]), lt(dispatches.startsAt, to), gt(dispatches.endsAt, from), ne(dispatches.orderId, order.id)));
  const since = shanghaiInstant(addDays(today, -30));
  const history = await db
    .select({
      workerId: dispatches.workerId,
      lastJob: sql<Date | string | null>`max(${dispatches.startsAt})`,
      earnings: sql<number>`coalesce(sum(${dispatches.agreedWageFen}) filter (where ${dispatches.startsAt} >= ${since.toISOString()}::timestamptz), 0)`.mapWith(Number),
    })
    .from(dispatches)
    .where(and(eq(dispatches.marketId, marketId), inArray(dispatches.workerId, ids), eq(dispatches.status, "completed")))
    .groupBy(dispatches.workerId);
  const ratings = await db
    .select({
      workerId: followups.workerId,
      rated: sql<number>`count(*)`.mapWith(Number),
      satisfied: sql<number>`count(*) filter (where ${followups.satisfied})`.mapWith(Number),
    })
    .from(followups)
    .where(and(eq(followups.marketId, marketId), inArray(followups.workerId, ids)))
    .groupBy(followups.workerId);
  const ratingsBy = new Map(ratings.map((r) => [r.workerId, r]));
  const busyBy = new Map<string, { start: string; end: string }[]>();
  for (const b of busy) busyBy.set(b.workerId, [...(busyBy.get(b.workerId) ?? []), { start: shanghaiDate(b.startsAt), end: shanghaiDate(new Date(b.endsAt.getTime() - 1)) }]);
  const histBy = new Map(history.map((h) => [h.workerId, h]));
  return rows.map((r) => {
    const h = histBy.get(r.id);
    const last = h?.lastJob ? shanghaiDate(new Date(h.lastJob)) : undefined;
    const c: MatchCandidate = {
      id: r.id,
      trades: [{ code: order.tradeCode, skillGrade: r.skillGrade as SkillGrade }],
      stars: r.stars as StarGrade,
      ratedJobs: ratingsBy.get(r.id)?.rated ?? 0,
      satisfiedJobs: ratingsBy.get(r.id)?.satisfied ?? 0,
      busy: busyBy.get(r.id) ?? [],
      status: r.status === "deregistered" ? "expelled" : r.status,
      certificates: r.certificates,
      earnings30dFen: h?.earnings ?? 0,
    };
    if (r.township) c.township = r.township;
    if (last) c.lastJobDate = last;
    return c;
  });
}

export async function recommend(db: DbLike, marketId: string, orderId: string, opts: { topK?: number; explain?: boolean } = {}) {
  const order = await loadOrder(db, marketId, orderId);
  const today = todayShanghai();
  const policy = await effectivePolicy<MatchingPolicy>(db, marketId, "matching", today);
  const [town] = order.townshipId ? await db.select({ name: townships.name }).from(townships).where(eq(townships.id, order.townshipId)) : [];
  const candidates = await loadCandidates(db, marketId, order, today);
  const result = rankCandidates(
    policy.body,
    {
      trade: order.tradeCode,
      ...(order.skillGrade !== "none" ? { minSkillGrade: order.skillGrade as SkillGrade } : {}),
      headcount: order.headcount,
      startDate: order.startDate,
      endDate: order.endDate,
      ...(town ? { township: town.name } : {}),
      offeredDayFen: order.wageFen,
      requiredCertificates: order.certificates,
    },
    candidates,
    { today, topK: opts.topK ?? 20, explain: opts.explain ?? true },
  );
  const shown = [...result.ranked.map((x) => x.id), ...(result.excluded ?? []).slice(0, 50).map((x) => x.id)];
  const names = shown.length ? await db.select({ id: workers.id, workerNo: workers.workerNo, name: workers.name, stars: workers.stars, phoneMasked: workers.phoneMasked }).from(workers).where(inArray(workers.id, shown)) : [];
  const byId = new Map(names.map((n) => [n.id, n]));
  return {
    ...result,
    ranked: result.ranked.map((x) => ({ ...x, worker: byId.get(x.id) ?? null })),
    excluded: (result.excluded ?? []).slice(0, 50).map((x) => ({ ...x, worker: byId.get(x.id) ?? null })),
    policyVersionNo: policy.version,
  };
}

/** A seeded, weighted lottery among the eligible workers; the seed and entries are stored and published. */
export async function lottery(tx: DbLike, actor: Actor, orderId: string, seed: string | undefined, count: number | undefined) {
  const order = await loadOrder(tx, actor.marketId, orderId);
  const today = todayShanghai();
  const policy = await effectivePolicy<MatchingPolicy>(tx, actor.marketId, "matching", today);
  const ranked = await recommend(tx, actor.marketId, orderId, { topK: 200, explain: false });
  const entries = lotteryWeights(policy.body, ranked.ranked.map((r) => ({ id: r.id, breakdown: { rotation: r.breakdown.rotation } })), { today });
  const n = count ?? order.headcount - order.filledCount;
  if (n < 1) throw badRequest("抽取人数须大于 0", "count", "Count must be positive");
  const usedSeed = seed ?? `${order.orderNo}-${new Date().toISOString()}`;
  const draw = drawLottery({ seed: usedSeed, candidates: entries, count: n, policy: policy.body });
  const [row] = await tx
    .insert(lotteryDraws)
    .values({ marketId: actor.marketId, orderId, seed: usedSeed, count: n, candidates: draw.entries, drawn: draw.drawn, drawnBy: actor.userId })
    .returning();
  if (!row) throw new Error("lottery insert returned nothing");
  return { drawId: row.id, ...draw };
}

export async function addToShortlist(tx: DbLike, actor: Actor, input: { orderId: string; workerIds: string[]; source: "recommend" | "lottery" | "manual"; lotteryDrawId?: string | undefined }) {
  await loadOrder(tx, actor.marketId, input.orderId);
  const found = await tx.select().from(workers).where(and(eq(workers.marketId, actor.marketId), inArray(workers.id, input.workerIds)));
  if (found.length !== new Set(input.workerIds).size) throw notFound("零工", "workerIds");
  // The same gate as dispatch: no processing after consent is withdrawn or the worker left (PIPL Art 15).
  for (const w of found) assertProcessable(w);
  return tx
    .insert(shortlists)
    .values(input.workerIds.map((workerId) => ({ marketId: actor.marketId, orderId: input.orderId, workerId, source: input.source, lotteryDrawId: input.lotteryDrawId ?? null, createdBy: actor.userId })))
    .onConflictDoNothing()
    .returning();
}

export async function listShortlist(db: DbLike, marketId: string, orderId: string) {
  await loadOrder(db, marketId, orderId);
  return db
    .select({ id: shortlists.id, workerId: shortlists.workerId, workerNo: workers.workerNo, name: workers.name, stars: workers.stars, phoneMasked: workers.phoneMasked, status: shortlists.status, source: shortlists.source, createdAt: shortlists.createdAt })
    .from(shortlists)
    .innerJoin(workers, eq(workers.id, shortlists.workerId))
    .where(and(eq(shortlists.marketId, marketId), eq(shortlists.orderId, orderId)));
}

/** Books a negotiation room sized to the shortlist plus the employer (R5). */
export async function bookRoom(tx: DbLike, actor: Actor, input: { roomId: string; orderId: string; startsAt: Date; endsAt: Date; partySize?: number | undefined }) {
  await loadOrder(tx, actor.marketId, input.orderId);
  const [room] = await tx.select().from(negotiationRooms).where(and(eq(negotiationRooms.id, input.roomId), eq(negotiationRooms.marketId, actor.marketId)));
  if (!room || !room.active) throw notFound("洽谈室", "roomId");
  const [c] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(shortlists)
    .where(and(eq(shortlists.orderId, input.orderId), inArray(shortlists.status, ["shortlisted", "invited", "accepted"])));
  const party = input.partySize ?? (c?.n ?? 0) + 1;
  if (party > room.capacity) throw new DomainError("BAD_REQUEST", `洽谈室“${room.name}”只能容纳 ${room.capacity} 人，本次需 ${party} 人`, { field: "roomId", messageEn: "Room too small" });
  if (!(input.endsAt > input.startsAt)) throw badRequest("结束时间必须晚于开始时间", "endsAt", "End must be after start");
  const [row] = await tx.insert(roomBookings).values({ marketId: actor.marketId, roomId: room.id, orderId: input.orderId, startsAt: input.startsAt, endsAt: input.endsAt, partySize: party, createdBy: actor.userId }).returning();
  if (!row) throw new Error("booking insert returned nothing");
  return row;
}
