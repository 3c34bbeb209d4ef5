import { and, asc, eq, gte, lt } from "drizzle-orm";
import { z } from "zod";
import { mutate } from "../audit.ts";
import { requireMarket } from "../context.ts";
import { ROLES } from "../roles.ts";
import { negotiationRooms, roomBookings } from "../schema/matching.ts";
import { router, staffProcedure } from "../trpc.ts";
import { addToShortlist, bookRoom, listShortlist, lottery, recommend } from "../queries/matching.ts";
import { zIdempotencyKey, zName, zUuid } from "../queries/workforce-common.ts";

// R5/R6: recommendation with the score breakdown and exclusion reasons, the published lottery,
// shortlists, negotiation rooms and bookings.
const actorOf = (ctx: { marketId: string | null; user: { id: string } }) => ({ marketId: requireMarket(ctx), userId: ctx.user.id });
const zInstant = z.coerce.date({ message: "时间格式不正确" });

export const matchingRouter = router({
  recommend: staffProcedure(ROLES.counter)
    .input(z.object({ orderId: zUuid("需求编号"), topK: z.number().int().min(1).max(200).default(20) }))
    .query(({ ctx, input }) => recommend(ctx.db, requireMarket(ctx), input.orderId, { topK: input.topK, explain: true })),

  lottery: staffProcedure(ROLES.counter)
    .input(z.object({ orderId: zUuid("需求编号"), seed: z.string().trim().min(1).max(100).optional(), count: z.number().int().min(1).max(1000).optional(), idempotencyKey: zIdempotencyKey }))
    .mutation(({ ctx, input }) => {
      const actor = actorOf(ctx);
      return mutate(ctx, { action: "matching.lottery", targetType: "job_order", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await lottery(tx, actor, input.orderId, input.seed, input.count);
        return { result: r, targetId: input.orderId, after: { drawId: r.drawId, seed: r.seed, drawn: r.drawn, checksum: r.checksum } };
      });
    }),

  shortlistAdd: staffProcedure(ROLES.counter)
    .input(z.object({ orderId: zUuid("需求编号"), workerIds: z.array(zUuid("零工编号")).min(1).max(100), source: z.enum(["recommend", "lottery", "manual"]).default("manual"), lotteryDrawId: zUuid("抽签编号").optional(), idempotencyKey: zIdempotencyKey }))
    .mutation(({ ctx, input }) => {
      const actor = actorOf(ctx);
      return mutate(ctx, { action: "matching.shortlistAdd", targetType: "job_order", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const rows = await addToShortlist(tx, actor, input);
        return { result: rows, targetId: input.orderId, after: { added: rows.map((r) => r.workerId) } };
      });
    }),

  shortlist: staffProcedure(ROLES.staffAndLeaders)
    .input(z.object({ orderId: zUuid("需求编号") }))
    .query(({ ctx, input }) => listShortlist(ctx.db, requireMarket(ctx), input.orderId)),

  rooms: staffProcedure(ROLES.staffAndLeaders).query(({ ctx }) =>
    ctx.db.select().from(negotiationRooms).where(eq(negotiationRooms.marketId, requireMarket(ctx))).orderBy(asc(negotiationRooms.name)),
  ),

  roomCreate: staffProcedure(ROLES.logistics)
    .input(z.object({ name: zName(50), capacity: z.number().int().min(1, "容量至少 1 人").max(200), idempotencyKey: zIdempotencyKey }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "matching.roomCreate", targetType: "negotiation_room", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const [row] = await tx.insert(negotiationRooms).values({ marketId, name: input.name, capacity: input.capacity }).returning();
        if (!row) throw new Error("room insert returned nothing");
        return { result: row, targetId: row.id, after: row };
      });
    }),

  book: staffProcedure(ROLES.counter)
    .input(
      z
        .object({ roomId: zUuid("洽谈室编号"), orderId: zUuid("需求编号"), startsAt: zInstant, endsAt: zInstant, partySize: z.number().int().min(1).max(200).optional(), idempotencyKey: zIdempotencyKey })
        .refine((v) => v.endsAt > v.startsAt, { message: "结束时间必须晚于开始时间", path: ["endsAt"] }),
    )
    .mutation(({ ctx, input }) => {
      const actor = actorOf(ctx);
      return mutate(ctx, { action: "matching.book", targetType: "room_booking", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const row = await bookRoom(tx, actor, input);
        return { result: row, targetId: row.id, after: row };
      });
    }),

  bookings: staffProcedure(ROLES.staffAndLeaders)
    .input(z.object({ from: zInstant, to: zInstant, orderId: zUuid("需求编号").optional() }))
    .query(({ ctx, input }) =>
      ctx.db
        .select()
        .from(roomBookings)
        .where(
          and(
            eq(roomBookings.marketId, requireMarket(ctx)),
            eq(roomBookings.status, "booked"),
            lt(roomBookings.startsAt, input.to),
            gte(roomBookings.endsAt, input.from),
            input.orderId === undefined ? undefined : eq(roomBookings.orderId, input.orderId),
          ),
        )
        .orderBy(asc(roomBookings.startsAt)),
    ),
});
