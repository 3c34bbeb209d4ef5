import { eq } from "drizzle-orm";
import { z } from "zod";
import { mutate } from "../audit.ts";
import { requireMarket } from "../context.ts";
import { DomainError } from "../errors.ts";
import { ROLES } from "../roles.ts";
import { markets } from "../schema/core.ts";
import { publicProcedure, router, staffProcedure } from "../trpc.ts";
import {
  completePreRegistration,
  deregisterWorker,
  getWorkerArchive,
  listPending,
  preRegister,
  readDocument,
  registerWorker,
  revealIdNumber,
  searchWorkers,
  updateWorker,
  uploadDocument,
  withdrawConsent,
} from "../queries/workers.ts";
import { dryRunImport, ImportRejected, importWorkers, zImportInput } from "../queries/worker-import.ts";
import { zConsentVersion, zWorkerFields } from "../queries/worker-input.ts";
import { zIdempotencyKey, zName, zReason, zUuid } from "../queries/workforce-common.ts";

// M1/M2 worker registration and archive. Responses carry masked ID numbers and phones; the
// plaintext comes only from the reveal procedures, for roles that may reveal, with a reason.

const zDocKind = z.enum(["id_front", "id_back", "photo"]);
const zMime = z.enum(["image/jpeg", "image/png"], "只接受 JPEG 或 PNG 图片");

const actorOf = (ctx: { marketId: string | null; user: { id: string } }) => ({ marketId: requireMarket(ctx), userId: ctx.user.id });

export const workersRouter = router({
  register: staffProcedure(ROLES.counter)
    .input(z.object({ ...zWorkerFields, idempotencyKey: zIdempotencyKey }))
    .mutation(({ ctx, input }) => {
      const actor = actorOf(ctx);
      const { idempotencyKey, ...fields } = input;
      return mutate(ctx, { action: "workers.register", targetType: "worker", idempotencyKey }, async (tx) => {
        const result = await registerWorker(tx, actor, fields);
        return { result, targetId: result.worker.id, after: result.worker };
      });
    }),

  /**
   * Import of existing archives from a sheet: every row checked with the registration rules,
   * duplicates within the sheet and against the archive. Any error: nothing written and the
   * per-row report returned (`ok: false`, `imported: 0`; the failed attempt audited). Otherwise
   * all rows registered in one transaction with one `workers.import` audit row. `dryRun` checks only.
   */
  import: staffProcedure(ROLES.counter)
    .input(zImportInput)
    .mutation(async ({ ctx, input }) => {
      const actor = actorOf(ctx);
      const { idempotencyKey, dryRun, ...sheet } = input;
      if (dryRun) return dryRunImport(ctx.db, actor.marketId, sheet);
      try {
        return await mutate(ctx, { action: "workers.import", targetType: "worker", idempotencyKey }, async (tx) => {
          const report = await importWorkers(tx, actor, sheet);
          const nos = report.workers.map((w) => w.workerNo);
          return {
            result: report,
            detail: { rows: report.imported, consentVersion: sheet.consentVersion, firstWorkerNo: nos[0] ?? null, lastWorkerNo: nos.at(-1) ?? null, workerIds: report.workers.map((w) => w.workerId) },
          };
        });
      } catch (err) {
        if (err instanceof ImportRejected) return err.report;
        throw err;
      }
    }),

  // One box takes a name, phone or ID number: POST only, so none lands in a URL or proxy log.
  search: staffProcedure(ROLES.staffAndLeaders)
    .meta({ roles: ROLES.staffAndLeaders, postOnly: true })
    .input(
      z.object({
        q: z.string().max(50, "搜索内容过长").default(""),
        status: z.enum(["active", "probation", "expelled", "deregistered"]).optional(),
        limit: z.number().int().min(1).max(200).default(20),
      }),
    )
    .query(({ ctx, input }) => searchWorkers(ctx.db, requireMarket(ctx), input.q, input.limit, input.status)),

  get: staffProcedure(ROLES.staffAndLeaders)
    .input(z.object({ workerId: zUuid("零工编号") }))
    .query(({ ctx, input }) => getWorkerArchive(ctx.db, requireMarket(ctx), input.workerId)),

  update: staffProcedure(ROLES.counter)
    .input(
      z.object({
        workerId: zUuid("零工编号"),
        reason: zReason.optional(),
        patch: z.object({
          name: zName(50).optional(),
          phone: z.string().trim().min(1).max(20).optional(),
          hukou: z.string().trim().max(100).nullable().optional(),
          homeAddress: z.string().trim().max(200).nullable().optional(),
          tempAddress: z.string().trim().max(200).nullable().optional(),
          townshipId: zUuid("乡镇").nullable().optional(),
          workYears: zWorkerFields.workYears.optional(),
          workHistory: z.string().trim().max(2000).nullable().optional(),
          trades: zWorkerFields.trades.optional(),
        }),
        idempotencyKey: zIdempotencyKey,
      }),
    )
    .mutation(({ ctx, input }) => {
      const actor = actorOf(ctx);
      return mutate(ctx, { action: "workers.update", targetType: "worker", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await updateWorker(tx, actor, input.workerId, input.patch, input.reason);
        return { result: { worker: r.worker, changed: r.changed }, targetId: input.workerId, before: r.before, after: r.after };
      });
    }),

  /** The plaintext ID number, for roles that may reveal it, with the reason audited (A1). */
  revealIdNumber: staffProcedure(ROLES.revealPii)
    .input(z.object({ workerId: zUuid("零工编号"), reason: zReason }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "workers.revealIdNumber", targetType: "worker" }, async (tx) => {
        const idNumber = await revealIdNumber(tx, marketId, input.workerId);
        return { result: { idNumber }, targetId: input.workerId, detail: { reason: input.reason } };
      });
    }),

  uploadDocument: staffProcedure(ROLES.counter)
    .input(
      z.object({
        workerId: zUuid("零工编号"),
        kind: zDocKind,
        mime: zMime,
        // base64 of at most 2 MB (the decoded size is checked again).
        dataBase64: z.string().min(1, "文件为空").max(2_796_204, "文件不能超过 2 MB"),
        idempotencyKey: zIdempotencyKey,
      }),
    )
    .mutation(({ ctx, input }) => {
      const actor = actorOf(ctx);
      return mutate(ctx, { action: "workers.uploadDocument", targetType: "worker", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const doc = await uploadDocument(tx, actor, input);
        return { result: doc, targetId: input.workerId, after: { documentId: doc.id, kind: doc.kind, mime: doc.mime, sizeBytes: doc.sizeBytes } };
      });
    }),

  /** An ID copy or photo, revealed with a reason like the ID number. */
  getDocument: staffProcedure(ROLES.revealPii)
    .input(z.object({ documentId: zUuid("文件编号"), reason: zReason }))
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "workers.getDocument", targetType: "worker_document" }, async (tx) => {
        const doc = await readDocument(tx, marketId, input.documentId);
        return { result: doc, targetId: input.documentId, detail: { reason: input.reason, workerId: doc.workerId, kind: doc.kind } };
      });
    }),

  withdrawConsent: staffProcedure(ROLES.counter)
    .input(z.object({ workerId: zUuid("零工编号"), reason: zReason, idempotencyKey: zIdempotencyKey }))
    .mutation(({ ctx, input }) => {
      const actor = actorOf(ctx);
      return mutate(ctx, { action: "workers.withdrawConsent", targetType: "worker", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await withdrawConsent(tx, actor, input.workerId, input.reason);
        return { result: r, targetId: input.workerId, after: r, detail: { reason: input.reason } };
      });
    }),

  deregister: staffProcedure(["head"])
    .input(z.object({ workerId: zUuid("零工编号"), reason: zReason, idempotencyKey: zIdempotencyKey }))
    .mutation(({ ctx, input }) => {
      const actor = actorOf(ctx);
      return mutate(ctx, { action: "workers.deregister", targetType: "worker", idempotencyKey: input.idempotencyKey }, async (tx) => {
        const r = await deregisterWorker(tx, actor, input.workerId, input.reason);
        return { result: r, targetId: input.workerId, after: r, detail: { reason: input.reason } };
      });
    }),

  /** Online channel (R8): name, phone, trades and consent only. Rate-limited by the server. */
  preRegister: publicProcedure
    .input(
      z.object({
        marketCode: z.string().regex(/^\d{6}$/, "市场代码应为 6 位数字"),
        name: zName(50),
        phone: z.string().trim().min(1, "请填写手机号").max(20),
        trades: z.array(z.string().min(1).max(40)).max(10).default([]),
        consentVersion: zConsentVersion,
        consentGiven: z.boolean(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const [market] = await ctx.db.select({ id: markets.id }).from(markets).where(eq(markets.code, input.marketCode));
      if (!market) throw new DomainError("NOT_FOUND", "没有这个零工市场", { field: "marketCode", messageEn: "Unknown market" });
      const { marketCode: _code, ...fields } = input;
      const pubCtx = { ...ctx, marketId: market.id };
      const r = await mutate(pubCtx, { action: "workers.preRegister", targetType: "pre_registration" }, async (tx) => {
        const row = await preRegister(tx, market.id, fields);
        return { result: row, targetId: row.id };
      });
      // Allow-listed answer: no personal data echoed back.
      return { ok: true as const, reference: r.id.slice(0, 8).toUpperCase() };
    }),

  listPending: staffProcedure(ROLES.counter)
    .input(z.object({ limit: z.number().int().min(1).max(500).default(100) }).optional())
    .query(({ ctx, input }) => listPending(ctx.db, requireMarket(ctx), input?.limit ?? 100)),

  completePreRegistration: staffProcedure(ROLES.counter)
    .input(
      z.object({
        ...zWorkerFields,
        phone: zWorkerFields.phone.optional(),
        preRegistrationId: zUuid("预登记编号"),
        idempotencyKey: zIdempotencyKey,
      }),
    )
    .mutation(({ ctx, input }) => {
      const actor = actorOf(ctx);
      const { idempotencyKey, preRegistrationId, ...fields } = input;
      return mutate(ctx, { action: "workers.completePreRegistration", targetType: "worker", idempotencyKey }, async (tx) => {
        const result = await completePreRegistration(tx, actor, preRegistrationId, fields);
        return { result, targetId: result.worker.id, after: result.worker };
      });
    }),
});
