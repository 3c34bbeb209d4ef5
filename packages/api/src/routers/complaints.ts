import { z } from "zod";
import { mutate } from "../audit.ts";
import { ROLES } from "../roles.ts";
import { COMPLAINT_CATEGORIES, COMPLAINT_PARTIES, COMPLAINT_RESPONDENTS, COMPLAINT_SOURCES, COMPLAINT_STATUSES, EMPLOYER_EVENT_TYPES } from "../schema/complaints.ts";
import { router, staffProcedure } from "../trpc.ts";
import {
  acceptComplaint,
  addComplaintNote,
  assignComplaint,
  fileComplaint,
  getComplaint,
  listComplaints,
  openArrearsCases,
  referComplaint,
  resolveComplaint,
  withdrawComplaint,
} from "../queries/complaints.ts";
import { requireMarket, today, zId, zIdem, zText } from "../queries/hall-common.ts";

// R10: complaints and disputes, from intake to resolution or referral.
const intake = [...ROLES.rights, "casework"] as const;

export const complaintsRouter = router({
  file: staffProcedure(intake)
    .input(
      z.object({
        complainant: z.enum(COMPLAINT_PARTIES),
        respondent: z.enum(COMPLAINT_RESPONDENTS),
        workerId: zId.optional(),
        employerId: zId.optional(),
        dispatchId: zId.optional(),
        category: z.enum(COMPLAINT_CATEGORIES),
        description: zText(2000),
        source: z.enum(COMPLAINT_SOURCES).exclude(["auto_arrears"]).optional(),
        idempotencyKey: zIdem,
      }),
    )
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "complaints.file", targetType: "complaint", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const row = await fileComplaint(tx, marketId, ctx.user.id, input);
        return { result: row, targetId: row.id, after: row };
      });
    }),

  accept: staffProcedure(ROLES.rights)
    .input(z.object({ complaintId: zId, assignedTo: zId, idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "complaints.accept", targetType: "complaint", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await acceptComplaint(tx, marketId, input);
        return { result: r.after, targetId: r.after.id, before: r.before, after: r.after };
      });
    }),

  assign: staffProcedure(ROLES.rights)
    .input(z.object({ complaintId: zId, assignedTo: zId, idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "complaints.assign", targetType: "complaint", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await assignComplaint(tx, marketId, input);
        return { result: r.after, targetId: r.after.id, before: r.before, after: r.after };
      });
    }),

  addNote: staffProcedure(ROLES.rights)
    .input(z.object({ complaintId: zId, body: zText(2000), idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "complaints.addNote", targetType: "complaint", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await addComplaintNote(tx, marketId, ctx.user.id, input);
        return { result: r.note, targetId: input.complaintId, before: { status: r.before.status }, after: { status: r.after.status, note: r.note } };
      });
    }),

  resolve: staffProcedure(ROLES.rights)
    .input(z.object({ complaintId: zId, outcome: zText(2000), upheld: z.boolean(), employerEvent: z.enum(EMPLOYER_EVENT_TYPES).optional(), idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "complaints.resolve", targetType: "complaint", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await resolveComplaint(tx, marketId, ctx.user.id, input);
        return {
          result: { complaint: r.after, conductEventId: r.conductEventId, employerDecision: r.employerDecision },
          targetId: r.after.id,
          before: r.before,
          after: r.after,
        };
      });
    }),

  refer: staffProcedure(ROLES.rights)
    .input(z.object({ complaintId: zId, to: z.enum(["inspection", "arbitration"]), outcome: zText(2000), idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "complaints.refer", targetType: "complaint", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await referComplaint(tx, marketId, ctx.user.id, input);
        return { result: r.after, targetId: r.after.id, before: r.before, after: r.after };
      });
    }),

  withdraw: staffProcedure(ROLES.rights)
    .input(z.object({ complaintId: zId, reason: zText(500), idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "complaints.withdraw", targetType: "complaint", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await withdrawComplaint(tx, marketId, ctx.user.id, input);
        return { result: r.after, targetId: r.after.id, before: r.before, after: r.after };
      });
    }),

  list: staffProcedure([...ROLES.rights, "casework"])
    .input(
      z.object({
        status: z.enum(COMPLAINT_STATUSES).optional(),
        open: z.boolean().optional(),
        category: z.enum(COMPLAINT_CATEGORIES).optional(),
        overdue: z.boolean().optional(),
        workerId: zId.optional(),
        employerId: zId.optional(),
        assignedTo: zId.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      }),
    )
    .query(({ ctx, input }) => listComplaints(ctx.db, requireMarket(ctx), input, today())),

  get: staffProcedure([...ROLES.rights, "casework"])
    .input(z.object({ complaintId: zId }))
    .query(({ ctx, input }) => getComplaint(ctx.db, requireMarket(ctx), input.complaintId, today())),

  /** Opens a wage-arrears case for each completed dispatch still unconfirmed as paid (idempotent). */
  openArrearsCases: staffProcedure(ROLES.rights)
    .input(z.object({ idempotencyKey: zIdem }).optional())
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "complaints.openArrearsCases", targetType: "complaint", idempotencyKey: input?.idempotencyKey }, async (tx) => {
        const opened = await openArrearsCases(tx, marketId, ctx.user.id);
        return { result: { opened }, detail: { count: opened.length } };
      });
    }),
});
