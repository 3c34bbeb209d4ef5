import { z } from "zod";
import { mutate } from "../audit.ts";
import { ROLES } from "../roles.ts";
import { SANCTION_STATUSES } from "../schema/sanctions.ts";
import { router, staffProcedure } from "../trpc.ts";
import { requireMarket, today, zDate, zId, zIdem, zOptText, zText } from "../queries/hall-common.ts";
import {
  decideAppeal,
  decideSanctionProposal,
  liftDueStandings,
  listSanctions,
  pendingConductEvents,
  proposeSanction,
  recordAppeal,
  workerStanding,
} from "../queries/sanctions.ts";
import { applyEmployerAction, employerRecord, grantReward, listRewards, REWARD_KINDS, rewardDecisionFor, rewardProposals } from "../queries/rewards.ts";

// M8 penalties: proposal from the core ladder, the head's approval, appeal and reversal.
export const sanctionsRouter = router({
  propose: staffProcedure(ROLES.rights)
    .input(
      z.object({
        workerId: zId,
        conductEventId: zId.optional(),
        offence: z.string().min(1).max(40).optional(),
        occurredOn: zDate.optional(),
        note: zOptText(500),
        idempotencyKey: zIdem,
      }),
    )
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "sanctions.propose", targetType: "sanction", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await proposeSanction(tx, marketId, ctx.user.id, input);
        return { result: r, targetId: r.sanction.id, after: r.sanction };
      });
    }),

  approve: staffProcedure(["head"])
    .input(z.object({ sanctionId: zId, approve: z.boolean().default(true), note: zOptText(500), idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: input.approve ? "sanctions.approve" : "sanctions.reject", targetType: "sanction", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await decideSanctionProposal(tx, marketId, ctx.user.id, input);
        return { result: r.after, targetId: r.after.id, before: r.before, after: r.after };
      });
    }),

  appeal: staffProcedure(ROLES.rights)
    .input(z.object({ sanctionId: zId, grounds: zText(1000), idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "sanctions.appeal", targetType: "sanction", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await recordAppeal(tx, marketId, ctx.user.id, input);
        return { result: r.after, targetId: r.after.id, before: r.before, after: r.after };
      });
    }),

  decideAppeal: staffProcedure(["head"])
    .input(z.object({ sanctionId: zId, upheld: z.boolean(), note: zText(500), idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "sanctions.decideAppeal", targetType: "sanction", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await decideAppeal(tx, marketId, ctx.user.id, input);
        return { result: { sanction: r.after, outcome: r.outcome }, targetId: r.after.id, before: r.before, after: r.after };
      });
    }),

  list: staffProcedure(ROLES.allStaff)
    .input(
      z.object({
        workerId: zId.optional(),
        status: z.enum(SANCTION_STATUSES).optional(),
        appealPending: z.boolean().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      }),
    )
    .query(({ ctx, input }) => listSanctions(ctx.db, requireMarket(ctx), input)),

  /** Conduct events (no-shows, upheld complaints, ...) waiting for a sanction proposal. */
  pendingEvents: staffProcedure(ROLES.rights)
    .input(z.object({ limit: z.number().int().min(1).max(500).default(100) }).optional())
    .query(({ ctx, input }) => pendingConductEvents(ctx.db, requireMarket(ctx), input?.limit ?? 100)),

  standing: staffProcedure(ROLES.allStaff)
    .input(z.object({ workerId: zId }))
    .query(({ ctx, input }) => workerStanding(ctx.db, requireMarket(ctx), input.workerId, today())),

  /** Ends probation and expulsion whose time is up (run daily, or from the sanctions screen). */
  liftDue: staffProcedure(ROLES.rights)
    .input(z.object({ idempotencyKey: zIdem }).optional())
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "sanctions.liftDue", targetType: "worker", idempotencyKey: input?.idempotencyKey }, async (tx) => {
        const lifted = await liftDueStandings(tx, marketId, today());
        return { result: { lifted }, detail: { lifted } };
      });
    }),
});

// M8 rewards: proposals from the core rule, granted by the head.
export const rewardsRouter = router({
  proposals: staffProcedure(ROLES.rights)
    .input(z.object({ workerId: zId.optional(), limit: z.number().int().min(1).max(200).default(50) }).optional())
    .query(async ({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      if (input?.workerId) {
        const d = await rewardDecisionFor(ctx.db, marketId, input.workerId, today());
        return d.proposals.length > 0 ? [{ worker: d.worker, proposals: d.proposals, policy: d.policy }] : [];
      }
      return rewardProposals(ctx.db, marketId, today(), input?.limit ?? 50);
    }),

  grant: staffProcedure(["head"])
    .input(z.object({ workerId: zId, kind: z.enum(REWARD_KINDS), note: zOptText(500), idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "rewards.grant", targetType: "reward", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const row = await grantReward(tx, marketId, ctx.user.id, input);
        return { result: row, targetId: row.id, after: row };
      });
    }),

  list: staffProcedure(ROLES.allStaff)
    .input(z.object({ workerId: zId.optional(), limit: z.number().int().min(1).max(500).default(100) }))
    .query(({ ctx, input }) => listRewards(ctx.db, requireMarket(ctx), input)),
});

// R10: the employer's record and the warning / exclusion the rules call for.
export const employerRecordRouter = router({
  get: staffProcedure([...ROLES.rights, "casework"])
    .input(z.object({ employerId: zId }))
    .query(({ ctx, input }) => employerRecord(ctx.db, requireMarket(ctx), input.employerId, today())),

  decide: staffProcedure(["head"])
    .input(z.object({ employerId: zId, note: zOptText(500), idempotencyKey: zIdem }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "employerRecord.decide", targetType: "employer", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await applyEmployerAction(tx, marketId, ctx.user.id, input);
        return { result: r.after, targetId: input.employerId, before: r.before, after: r.after };
      });
    }),
});
