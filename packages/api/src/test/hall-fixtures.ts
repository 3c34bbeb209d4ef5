import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { dispatches } from "../schema/dispatches.ts";
import { employers } from "../schema/employers.ts";
import { jobOrders } from "../schema/orders.ts";
import { gradeChanges, workers } from "../schema/workers.ts";
import type { TestEnv } from "./harness.ts";

// Minimal rows for the after-service and hall-service suites, inserted directly so these tests do
// not depend on the registration and dispatch workflows (tested in their own suites).
let seq = 0;
const next = () => `${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

export async function makeWorker(env: TestEnv, opts: { name?: string; stars?: number; marketId?: string } = {}) {
  const stars = opts.stars ?? 2;
  const marketId = opts.marketId ?? env.market.id;
  const [w] = await env.db
    .insert(workers)
    .values({
      marketId,
      workerNo: `T${next()}`,
      name: opts.name ?? "张建国",
      phoneMasked: "138****5678",
      stars,
      consentVersion: "test-1",
      consentedAt: new Date(),
    })
    .returning();
  await env.db.insert(gradeChanges).values({ marketId, workerId: w!.id, fromGrade: null, toGrade: stars, kind: "initial", reasons: [] });
  return w!;
}

export async function makeEmployer(env: TestEnv, opts: { name?: string; kind?: "person" | "company"; marketId?: string } = {}) {
  const kind = opts.kind ?? "company";
  const [e] = await env.db
    .insert(employers)
    .values({
      marketId: opts.marketId ?? env.market.id,
      employerNo: `E${next()}`,
      kind,
      name: opts.name ?? "沁水县鑫达建筑有限公司",
      creditCode: kind === "company" ? `91140521${next().padStart(10, "0").slice(-10)}` : null,
      contactName: "李经理",
      contactPhoneEnc: "x",
      contactPhoneBidx: randomUUID(),
      contactPhoneMasked: "139****1234",
    })
    .returning();
  return e!;
}

export async function makeOrder(
  env: TestEnv,
  employerId: string,
  opts: { status?: "published" | "filled" | "draft"; headcount?: number; filled?: number; startDate?: string; endDate?: string; trade?: string } = {},
) {
  const status = opts.status ?? "published";
  const headcount = opts.headcount ?? 3;
  const filled = status === "filled" ? headcount : (opts.filled ?? 0);
  const [o] = await env.db
    .insert(jobOrders)
    .values({
      marketId: env.market.id,
      orderNo: `O${next()}`,
      employerId,
      tradeCode: opts.trade ?? "mason",
      headcount,
      filledCount: filled,
      startDate: opts.startDate ?? "2026-03-01",
      endDate: opts.endDate ?? "2026-03-05",
      townshipId: env.townships[0]!.id,
      place: "龙港镇城关村",
      wageFen: 25_000,
      wageUnit: "day",
      status: filled > 0 && status === "published" ? "partly_filled" : status,
      publishedAt: status === "draft" ? null : new Date("2026-02-20T00:00:00Z"),
    })
    .returning();
  return o!;
}

export async function makeDispatch(
  env: TestEnv,
  orderId: string,
  employerId: string,
  workerId: string,
  opts: { day?: string; status?: "assigned" | "completed"; paid?: boolean } = {},
) {
  const day = opts.day ?? "2026-03-02";
  const status = opts.status ?? "completed";
  const startsAt = new Date(`${day}T08:00:00+08:00`);
  const endsAt = new Date(`${day}T17:00:00+08:00`);
  const [d] = await env.db
    .insert(dispatches)
    .values({
      marketId: env.market.id,
      orderId,
      workerId,
      employerId,
      startsAt,
      endsAt,
      status,
      agreedWageFen: 25_000,
      wageUnit: "day",
      startedAt: status === "completed" ? startsAt : null,
      completedAt: status === "completed" ? endsAt : null,
      paidConfirmedAt: opts.paid ? endsAt : null,
    })
    .returning();
  return d!;
}

/** Row counts of tables, to prove a refused mutation changed nothing. */
export async function countRows(env: TestEnv, tables: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    if (!/^[a-z_]+$/.test(t)) throw new Error(`bad table name ${t}`);
    const rows = await env.db.execute(sql`select count(*)::int as n from ${sql.identifier(t)}`);
    const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { n: number }[];
    out[t] = Number(list[0]?.n ?? 0);
  }
  return out;
}

/**
 * `n` completed dispatches of a worker on consecutive past days (ending yesterday, Shanghai), each
 * with a follow-up rating; returns the dispatches.
 */
export async function makeRatedJobs(
  env: TestEnv,
  workerId: string,
  n: number,
  rating: { attitude?: number; quality?: number; satisfied?: boolean; startDaysAgo?: number } = {},
) {
  const employer = await makeEmployer(env);
  const order = await makeOrder(env, employer.id, { headcount: 1000, status: "published" });
  const { shanghaiDate, addDays } = await import("@lingong/core");
  const { followups } = await import("../schema/followups.ts");
  const base = rating.startDaysAgo ?? n;
  const out = [];
  for (let i = 0; i < n; i++) {
    const day = addDays(shanghaiDate(new Date()), -(base - i));
    const d = await makeDispatch(env, order.id, employer.id, workerId, { day, paid: true });
    await env.db.insert(followups).values({
      marketId: env.market.id,
      dispatchId: d.id,
      workerId,
      employerId: employer.id,
      visitedAt: new Date(`${day}T19:00:00+08:00`),
      visitedBy: env.users.rights.id,
      channel: "phone",
      attitude: rating.attitude ?? 5,
      quality: rating.quality ?? 5,
      satisfied: rating.satisfied ?? true,
    });
    out.push(d);
  }
  return out;
}
