import { z } from "zod";
import { mutate } from "../audit.ts";
import { ROLES } from "../roles.ts";
import { router, staffProcedure } from "../trpc.ts";
import { requireMarket, zDate, zId, zIdem, zText } from "../queries/hall-common.ts";
import {
  batchRoster,
  completeEnrolment,
  createBatch,
  createCourse,
  dropEnrolment,
  enrol,
  listBatches,
  listCourses,
  recordAttendance,
  trainingByWorker,
} from "../queries/training.ts";

// M6: skills training courses, batches, enrolment, attendance and completion.
const write = ROLES.training;

export const trainingRouter = router({
  listCourses: staffProcedure(ROLES.allStaff)
    .input(z.object({ trade: z.string().max(40).optional() }).optional())
    .query(({ ctx, input }) => listCourses(ctx.db, requireMarket(ctx), input?.trade)),

  createCourse: staffProcedure(write)
    .input(z.object({ trade: zText(40), title: zText(100), hours: z.number().int().min(1).max(2000).optional(), free: z.boolean().default(true), idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "training.createCourse", targetType: "course", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const row = await createCourse(tx, marketId, input);
        return { result: row, targetId: row.id, after: row };
      });
    }),

  listBatches: staffProcedure(ROLES.allStaff)
    .input(z.object({ courseId: zId.optional(), from: zDate.optional(), limit: z.number().int().min(1).max(500).default(100) }))
    .query(({ ctx, input }) => listBatches(ctx.db, requireMarket(ctx), input)),

  createBatch: staffProcedure(write)
    .input(z.object({ courseId: zId, startsOn: zDate, endsOn: zDate, capacity: z.number().int().min(1, "名额至少 1 人").max(500), place: zText(100), idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      const { idempotencyKey, ...batch } = input;
      return mutate(ctx, { action: "training.createBatch", targetType: "training_batch", idempotencyKey }, async (tx) => {
        const row = await createBatch(tx, marketId, batch);
        return { result: row, targetId: row.id, after: row };
      });
    }),

  enrol: staffProcedure(write)
    .input(z.object({ batchId: zId, workerId: zId, idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "training.enrol", targetType: "enrolment", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const row = await enrol(tx, marketId, input);
        return { result: row, targetId: row.id, after: row };
      });
    }),

  recordAttendance: staffProcedure(write)
    .input(z.object({ enrolmentId: zId, day: zDate, present: z.boolean(), idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "training.recordAttendance", targetType: "enrolment", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const row = await recordAttendance(tx, marketId, input);
        return { result: row, targetId: input.enrolmentId, after: row };
      });
    }),

  complete: staffProcedure(write)
    .input(z.object({ enrolmentId: zId, completedOn: zDate, certificateNo: z.string().trim().min(1).max(40).optional(), idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "training.complete", targetType: "enrolment", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await completeEnrolment(tx, marketId, input);
        return { result: r.after, targetId: r.after.id, before: r.before, after: r.after };
      });
    }),

  drop: staffProcedure(write)
    .input(z.object({ enrolmentId: zId, idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "training.drop", targetType: "enrolment", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await dropEnrolment(tx, marketId, input);
        return { result: r.after, targetId: r.after.id, before: r.before, after: r.after };
      });
    }),

  roster: staffProcedure(ROLES.allStaff)
    .input(z.object({ batchId: zId }))
    .query(({ ctx, input }) => batchRoster(ctx.db, requireMarket(ctx), input.batchId)),

  byWorker: staffProcedure(ROLES.allStaff)
    .input(z.object({ workerId: zId }))
    .query(({ ctx, input }) => trainingByWorker(ctx.db, requireMarket(ctx), input.workerId)),
});
