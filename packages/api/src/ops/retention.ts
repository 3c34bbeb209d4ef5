import { randomUUID } from "node:crypto";
import { addDays, isIsoDate, maskName } from "@lingong/core";
import { and, eq, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { writeAudit } from "../audit.ts";
import type { Db } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { markets } from "../schema/core.ts";
import { preRegistrations, workerDocuments, workers } from "../schema/workers.ts";
import { CLEARED_IDENTITY } from "../queries/workers.ts";
import { shanghaiInstant } from "../queries/workforce-common.ts";
import type { Context } from "../trpc.ts";

// Retention (PIPL Arts 19, 47; checklist A5). A deregistered worker's identifying data is kept
// no longer than the market's retention period (`markets.settings.retentionDays`, default 365
// days after deregistration), then cleared: ID number ciphertext, blind index and masked form,
// phone, home and temporary address, hukou, ID copies and photo, the given name. What stays:
// the row itself (so dispatch counts, ratings, grades and the analytics roll-ups keep adding
// up), gender, birth date, township, trades, and the audit log, which is append-only.
// Workers' own deregistration already clears most of this at once; retention is the backstop
// for rows that still hold anything (imports, older versions, documents uploaded late) and for
// online pre-registrations nobody completed.

export const DEFAULT_RETENTION_DAYS = 365;

/** `audit_log.role` of rows written by the system itself (no user): the CLI and the scheduler. */
export const SYSTEM_ACTOR_ROLE = "system";

export interface RetentionOptions {
  /** The day retention runs for (Asia/Shanghai, YYYY-MM-DD). */
  today: string;
  /** Overrides every market's own setting. */
  days?: number | undefined;
  /** Only this market (default: every market). */
  marketId?: string | undefined;
  /** Set by the scheduler: named in each audit row's detail (`duty`). */
  duty?: string | undefined;
  /** Who runs it; the CLI runs as the system (no user). */
  actor?: Pick<Context, "user" | "requestId" | "ip"> | undefined;
}

export interface MarketRetention {
  marketId: string;
  days: number;
  /** Deregistration before this instant is past retention. */
  cutoff: string;
  purgedWorkers: string[];
  deletedPreRegistrations: number;
  /** Withdrew consent before the cutoff but were never deregistered: staff must decide (A3). */
  withdrawnNotDeregistered: number;
}

export interface RetentionReport {
  today: string;
  markets: MarketRetention[];
}

/** The retention period of a market: its setting, else 365 days. */
export function retentionDaysOf(settings: Record<string, unknown> | null | undefined): number {
  const v = settings?.retentionDays;
  return typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 36_500 ? v : DEFAULT_RETENTION_DAYS;
}

/** Fields cleared by retention, named in the audit row (values are never logged). */
const CLEARED = ["idNumber", "idNumberIndex", "phone", "homeAddress", "tempAddress", "hukou", "givenName", "documents"] as const;

/** Applies retention; each purged worker is one transaction with its own audit row. */
export async function applyRetention(db: Db, opts: RetentionOptions): Promise<RetentionReport> {
  if (!isIsoDate(opts.today)) throw new DomainError("BAD_REQUEST", "日期格式应为 YYYY-MM-DD", { field: "today" });
  if (opts.days !== undefined && (!Number.isInteger(opts.days) || opts.days < 0)) {
    throw new DomainError("BAD_REQUEST", "保存天数必须是非负整数", { field: "days" });
  }
  const ms = await db
    .select({ id: markets.id, settings: markets.settings })
    .from(markets)
    .where(opts.marketId ? eq(markets.id, opts.marketId) : undefined)
    .orderBy(markets.code);
  const report: RetentionReport = { today: opts.today, markets: [] };
  const base = { user: opts.actor?.user ?? null, requestId: opts.actor?.requestId ?? randomUUID(), ip: opts.actor?.ip ?? "system" };
  // Without a signed-in user the system itself runs it (CLI, scheduler): say so in the audit row.
  const actorRole = base.user ? {} : { userId: null, role: SYSTEM_ACTOR_ROLE };

  for (const m of ms) {
    const days = opts.days ?? retentionDaysOf(m.settings);
    const cutoff = shanghaiInstant(addDays(opts.today, -days));
    const ctx = { ...base, marketId: m.id };
    const docsLeft = sql`exists (select 1 from ${workerDocuments} d where d.worker_id = ${workers.id} and d.market_id = ${workers.marketId} and (d.content_enc is not null or d.deleted_at is null))`;
    const due = await db
      .select({ id: workers.id })
      .from(workers)
      .where(
        and(
          eq(workers.marketId, m.id),
          eq(workers.status, "deregistered"),
          lt(workers.deregisteredAt, cutoff),
          or(
            isNotNull(workers.idNumberEnc),
            isNotNull(workers.idNumberBidx),
            isNotNull(workers.idNumberMasked),
            isNotNull(workers.phoneEnc),
            isNotNull(workers.phoneBidx),
            isNotNull(workers.homeAddressEnc),
            isNotNull(workers.tempAddress),
            isNotNull(workers.hukou),
            docsLeft,
          ),
        ),
      )
      .orderBy(workers.id);

    const purged: string[] = [];
    for (const { id } of due) {
      const now = new Date();
      const done = await db.transaction(async (tx) => {
        const [w] = await tx.select().from(workers).where(and(eq(workers.id, id), eq(workers.marketId, m.id))).for("update");
        // Re-checked under the lock: a concurrent run may have purged it already.
        if (!w || w.status !== "deregistered" || !w.deregisteredAt || w.deregisteredAt >= cutoff) return false;
        const docs = await tx
          .update(workerDocuments)
          .set({ contentEnc: null, deletedAt: sql`coalesce(${workerDocuments.deletedAt}, ${now.toISOString()}::timestamptz)` })
          .where(and(eq(workerDocuments.marketId, m.id), eq(workerDocuments.workerId, id), or(isNotNull(workerDocuments.contentEnc), isNull(workerDocuments.deletedAt))))
          .returning({ id: workerDocuments.id });
        await tx
          .update(workers)
          .set({
            name: maskName(w.name),
            ...CLEARED_IDENTITY,
            updatedAt: now,
            version: sql`${workers.version} + 1`,
          })
          .where(eq(workers.id, id));
        await writeAudit(tx, ctx, {
          action: "privacy.retention.purge",
          ...actorRole,
          targetType: "worker",
          targetId: id,
          detail: {
            ...(opts.duty ? { duty: opts.duty } : {}),
            cleared: CLEARED,
            documents: docs.length,
            deregisteredAt: w.deregisteredAt.toISOString(),
            retentionDays: days,
            today: opts.today,
          },
        });
        return true;
      });
      if (done) purged.push(id);
    }

    // Online pre-registrations hold a phone; past the period they are deleted outright (a completed
    // one's data lives on in the worker's archive).
    const deleted = await db.transaction(async (tx) => {
      const gone = await tx
        .delete(preRegistrations)
        .where(and(eq(preRegistrations.marketId, m.id), lt(preRegistrations.createdAt, cutoff)))
        .returning({ id: preRegistrations.id, status: preRegistrations.status });
      if (gone.length > 0) {
        await writeAudit(tx, ctx, {
          action: "privacy.retention.deletePreRegistrations",
          ...actorRole,
          targetType: "pre_registration",
          detail: { ...(opts.duty ? { duty: opts.duty } : {}), count: gone.length, statuses: countBy(gone.map((g) => g.status)), retentionDays: days, today: opts.today },
        });
      }
      return gone.length;
    });

    const [withdrawn] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(workers)
      .where(and(eq(workers.marketId, m.id), lt(workers.consentWithdrawnAt, cutoff), inArray(workers.status, ["active", "probation", "expelled"])));

    report.markets.push({
      marketId: m.id,
      days,
      cutoff: cutoff.toISOString(),
      purgedWorkers: purged,
      deletedPreRegistrations: deleted,
      withdrawnNotDeregistered: Number(withdrawn?.n ?? 0),
    });
  }
  return report;
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
