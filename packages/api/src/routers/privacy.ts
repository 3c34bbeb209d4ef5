import { addDays } from "@lingong/core";
import { z } from "zod";
import { mutate, writeAudit } from "../audit.ts";
import { requireMarket } from "../context.ts";
import { DomainError } from "../errors.ts";
import { applyRetention } from "../ops/retention.ts";
import { exportWorkerData, listAuditLog } from "../queries/privacy.ts";
import { shanghaiInstant, todayShanghai, zIsoDate, zReason, zUuid } from "../queries/workforce-common.ts";
import { ROLES } from "../roles.ts";
import { router, staffProcedure } from "../trpc.ts";

// Personal-data lifecycle (PIPL) and the audit viewer (MLPS): the worker's own data as a copy
// for the worker (A6), retention (A5) and reading the append-only audit log (B12, B13).

/** A day (Asia/Shanghai, the whole day) or an exact ISO instant with offset. */
const zWhen = z.union([zIsoDate, z.iso.datetime({ offset: true, message: "时间格式应为 YYYY-MM-DD 或 ISO 8601" })]);

function instant(v: string, endOfDay: boolean): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return shanghaiInstant(endOfDay ? addDays(v, 1) : v);
  return new Date(v);
}

export const privacyRouter = router({
  /**
   * A copy of one worker's own data (PIPL Arts 45, 50), decrypted, to hand to that worker. Allowed
   * after consent withdrawal and deregistration too: it goes to the data subject. Audited as a
   * personal-data export with the reason; the data itself never enters the audit log.
   */
  exportWorkerData: staffProcedure(ROLES.revealPii)
    .input(
      z.object({
        workerId: zUuid("零工编号"),
        reason: zReason,
        includeDocuments: z.boolean().default(false),
      }),
    )
    .mutation(({ ctx, input }) => {
      const marketId = requireMarket(ctx);
      return mutate(ctx, { action: "privacy.exportWorkerData", targetType: "worker" }, async (tx) => {
        const data = await exportWorkerData(tx, marketId, input.workerId, { includeDocuments: input.includeDocuments });
        return {
          result: data,
          targetId: input.workerId,
          detail: { pii: "export", recipient: "subject", reason: input.reason, includeDocuments: input.includeDocuments, counts: data.counts },
        };
      });
    }),

  /**
   * Clears the identifying data of workers deregistered longer ago than the retention period.
   * The head runs it for their market; a system administrator for the chosen market or all.
   */
  runRetention: staffProcedure(["admin", "head"])
    .input(
      z
        .object({
          today: zIsoDate.optional(),
          days: z.number().int("天数须为整数").min(30, "保存期限不能少于 30 天").max(36_500).optional(),
        })
        .optional(),
    )
    .mutation(async ({ ctx, input }) => {
      const marketId = ctx.user.role === "head" ? requireMarket(ctx) : (ctx.marketId ?? undefined);
      const today = input?.today ?? todayShanghai();
      if (today > todayShanghai()) throw new DomainError("BAD_REQUEST", "不能按未来日期执行", { field: "today", messageEn: "Date is in the future" });
      const report = await applyRetention(ctx.db, { today, days: input?.days, marketId, actor: ctx });
      await writeAudit(ctx.db, ctx, {
        action: "privacy.runRetention",
        targetType: "market",
        targetId: marketId ?? null,
        detail: {
          today,
          days: input?.days ?? null,
          markets: report.markets.map((m) => ({ marketId: m.marketId, days: m.days, purged: m.purgedWorkers.length, preRegistrations: m.deletedPreRegistrations })),
        },
      });
      return report;
    }),

  /**
   * The audit log, newest first (head: their market; auditor: the chosen market, or all).
   * Before/after values are masked.
   */
  auditLog: staffProcedure(["head", "auditor"])
    .input(
      z.object({
        from: zWhen,
        to: zWhen,
        action: z.string().trim().min(1).max(100).optional(),
        userId: zUuid("用户编号").optional(),
        targetId: z.string().trim().min(1).max(200).optional(),
        cursor: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      }),
    )
    .query(({ ctx, input }) => {
      const from = instant(input.from, false);
      const to = instant(input.to, true);
      if (to <= from) throw new DomainError("BAD_REQUEST", "结束时间必须晚于开始时间", { field: "to", messageEn: "End before start" });
      const marketId = ctx.user.role === "head" ? requireMarket(ctx) : ctx.marketId;
      return listAuditLog(ctx.db, { ...input, from, to, marketId });
    }),
});
