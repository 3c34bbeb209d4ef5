import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { writeAudit } from "../audit.ts";
import type { Db } from "../db/client.ts";
import { DomainError, mapDbError } from "../errors.ts";
import { openArrearsCases } from "../queries/complaints.ts";
import { liftDueStandings } from "../queries/sanctions.ts";
import { lockKey, todayShanghai } from "../queries/workforce-common.ts";
import { markets } from "../schema/core.ts";
import { applyRetention, SYSTEM_ACTOR_ROLE } from "./retention.ts";

// Duties nobody should have to remember: probation and expulsion that have run their time end
// (M8), a completed dispatch still unconfirmed as paid after the market's set time opens a
// wage-arrears case for the rights officer (R10, issue 4), and retention clears what PIPL says
// may no longer be kept (A5). They run through the same query functions as the procedures
// (sanctions.liftDue, complaints.openArrearsCases, privacy.applyRetention), each market and
// duty in its own transaction, audited as the system: user_id null, role "system", ip
// "scheduler", detail.duty. No procedure gains a bypass: the scheduler calls query functions,
// never a router, so the permission model is untouched.
// Every duty is idempotent (a second run finds nothing to do and writes nothing), and each
// duty takes a per-market advisory lock, so two servers running the scheduler do not clash.

export const DUTIES = ["sanctions.liftDue", "complaints.openArrearsCases", "privacy.retention"] as const;
export type Duty = (typeof DUTIES)[number];

export interface DutyOutcome {
  marketId: string;
  marketCode: string;
  duty: Duty;
  /** Rows the duty changed (workers lifted, cases opened, workers purged + pre-registrations deleted). */
  changed: number;
  /** Error code when the duty failed (the others still ran). */
  error?: string;
}

export interface DutiesReport {
  runId: string;
  day: string;
  outcomes: DutyOutcome[];
}

const SYSTEM_IP = "scheduler";

/** A code safe to log: never a message (driver messages carry SQL parameters, i.e. personal data). */
function errorCode(err: unknown): string {
  if (err instanceof DomainError) return err.code;
  const mapped = mapDbError(err);
  if (mapped) return mapped.code;
  return err instanceof Error ? err.name : "INTERNAL";
}

/**
 * Runs every duty for every market (or one market) as of `now`. Never throws for a failing
 * duty: the failure is recorded in the report and, where possible, as a failed audit row.
 */
export async function runDuties(db: Db, opts: { now?: Date; marketId?: string } = {}): Promise<DutiesReport> {
  const now = opts.now ?? new Date();
  const day = todayShanghai(now);
  const runId = randomUUID();
  const ms = await db
    .select({ id: markets.id, code: markets.code })
    .from(markets)
    .where(opts.marketId ? eq(markets.id, opts.marketId) : undefined)
    .orderBy(asc(markets.code));
  const outcomes: DutyOutcome[] = [];
  const ctxOf = (marketId: string) => ({ user: null, marketId, requestId: runId, ip: SYSTEM_IP });
  const who = { userId: null, role: SYSTEM_ACTOR_ROLE };

  for (const m of ms) {
    const run = async (duty: Duty, work: () => Promise<number>) => {
      try {
        outcomes.push({ marketId: m.id, marketCode: m.code, duty, changed: await work() });
      } catch (err) {
        const code = errorCode(err);
        outcomes.push({ marketId: m.id, marketCode: m.code, duty, changed: 0, error: code });
        try {
          await writeAudit(db, ctxOf(m.id), { action: duty, targetType: "market", targetId: m.id, success: false, ...who, detail: { duty, error: code } });
        } catch {
          // The report and the log still say it failed.
        }
      }
    };

    await run("sanctions.liftDue", () =>
      db.transaction(async (tx) => {
        await lockKey(tx, `duty:sanctions.liftDue:${m.id}`);
        const lifted = await liftDueStandings(tx, m.id, day);
        if (lifted.length > 0) {
          const duty = "sanctions.liftDue";
          await writeAudit(tx, ctxOf(m.id), { action: duty, targetType: "worker", ...who, detail: { duty, day, lifted } });
        }
        return lifted.length;
      }),
    );

    await run("complaints.openArrearsCases", () =>
      db.transaction(async (tx) => {
        await lockKey(tx, `duty:complaints.openArrearsCases:${m.id}`);
        const opened = await openArrearsCases(tx, m.id, null, now);
        if (opened.length > 0) {
          const duty = "complaints.openArrearsCases";
          await writeAudit(tx, ctxOf(m.id), { action: duty, targetType: "complaint", ...who, detail: { duty, count: opened.length, opened } });
        }
        return opened.length;
      }),
    );

    await run("privacy.retention", async () => {
      const report = await applyRetention(db, { today: day, marketId: m.id, duty: "privacy.retention", actor: { user: null, requestId: runId, ip: SYSTEM_IP } });
      return report.markets.reduce((n, r) => n + r.purgedWorkers.length + r.deletedPreRegistrations, 0);
    });
  }
  return { runId, day, outcomes };
}

export interface SchedulerOptions {
  /** Between runs (default one hour). */
  intervalMs?: number;
  /** Before the first run (default 10 s, so the server is up and serving first). */
  firstDelayMs?: number;
  log?: Pick<Console, "log" | "error">;
}

export interface Scheduler {
  stop(): void;
  /** One run now (skipped when a run is still going); resolves when it ends. */
  runOnce(): Promise<DutiesReport | null>;
}

/**
 * Runs the duties shortly after start and then every `intervalMs`. Timers are unref'd so they
 * never keep the process alive; a failing run is logged (codes and counts only) and the next
 * run happens as planned, so the server never crashes because of a duty.
 */
export function startScheduler(db: Db, opts: SchedulerOptions = {}): Scheduler {
  const intervalMs = opts.intervalMs ?? 60 * 60 * 1000;
  const log = opts.log ?? console;
  let running: Promise<DutiesReport | null> | null = null;
  let stopped = false;

  const runOnce = (): Promise<DutiesReport | null> => {
    if (stopped) return Promise.resolve(null);
    if (running) return running.then(() => null);
    running = (async () => {
      try {
        const report = await runDuties(db);
        const changed = report.outcomes.filter((o) => o.changed > 0 || o.error);
        for (const o of changed) {
          if (o.error) log.error(`定时任务失败 / duty failed: ${o.duty} market ${o.marketCode}: ${o.error}`);
          else log.log(`定时任务 / duty ${o.duty} market ${o.marketCode}: ${o.changed}`);
        }
        return report;
      } catch (err) {
        log.error(`定时任务未能运行 / scheduler run failed: ${errorCode(err)}`);
        return null;
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const first = setTimeout(() => void runOnce(), opts.firstDelayMs ?? 10_000);
  first.unref();
  const every = setInterval(() => void runOnce(), intervalMs);
  every.unref();
  return {
    stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
    },
    runOnce,
  };
}
