import { z } from "zod";
import { mutate } from "../audit.ts";
import { DomainError } from "../errors.ts";
import { ROLES } from "../roles.ts";
import { GRADE_REVIEW_STATUSES } from "../schema/grades.ts";
import { router, staffProcedure } from "../trpc.ts";
import { decideReview, gradeHistory, listReviews, proposeReview, workersDueReview } from "../queries/grades.ts";
import { requireMarket, today, zId, zIdem, zOptText } from "../queries/hall-common.ts";

// M3: star reviews proposed from the rules with their reasons, applied only on the head's approval.
export const gradesRouter = router({
  proposeReview: staffProcedure(ROLES.rights)
    .input(z.object({ workerId: zId, idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "grades.proposeReview", targetType: "grade_review", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await proposeReview(tx, marketId, ctx.user.id, input.workerId);
        return { result: r, targetId: r.review.id, after: r.review };
      });
    }),

  approve: staffProcedure(["head"])
    .input(z.object({ reviewId: zId, approve: z.boolean().default(true), note: zOptText(500), idempotencyKey: zIdem }))
    .mutation(async ({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      const r = await mutate(ctx, { action: "grades.approve", targetType: "grade_review", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const out = await decideReview(tx, marketId, ctx.user.id, input);
        return { result: out, targetId: input.reviewId, before: out.before, after: out.after ?? { status: "superseded" } };
      });
      if ("stale" in r && r.stale) {
        throw new DomainError("CONFLICT", "该零工的星级在评定后已变化，评定已作废，请重新评定", { field: "reviewId", messageEn: "The grade changed since the review; run it again" });
      }
      return { review: r.after!, gradeChange: r.gradeChange };
    }),

  /** Proposals for every worker due a review (none in `everyDays` days), in one batch. */
  reviewDue: staffProcedure(ROLES.rights)
    .input(z.object({ everyDays: z.number().int().min(7).max(365).default(90), limit: z.number().int().min(1).max(200).default(50), idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "grades.reviewDue", targetType: "grade_review", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const ids = await workersDueReview(tx, marketId, input.everyDays, input.limit, today());
        const proposals = [];
        for (const id of ids) {
          const r = await proposeReview(tx, marketId, ctx.user.id, id);
          proposals.push({ reviewId: r.review.id, workerId: id, fromGrade: r.review.fromGrade, toGrade: r.review.toGrade, change: r.change });
        }
        return { result: { count: proposals.length, proposals }, detail: { count: proposals.length } };
      });
    }),

  list: staffProcedure(ROLES.allStaff)
    .input(z.object({ status: z.enum(GRADE_REVIEW_STATUSES).optional(), workerId: zId.optional(), limit: z.number().int().min(1).max(500).default(100) }))
    .query(({ ctx, input }) => listReviews(ctx.db, requireMarket(ctx), input)),

  history: staffProcedure(ROLES.allStaff)
    .input(z.object({ workerId: zId }))
    .query(({ ctx, input }) => gradeHistory(ctx.db, requireMarket(ctx), input.workerId)),
});
