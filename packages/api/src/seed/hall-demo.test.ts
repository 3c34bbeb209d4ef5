import { addDays } from "@lingong/core";
import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { publicHonourRoll } from "../queries/board.ts";
import { gradeHistory } from "../queries/grades.ts";
import { publicLeaderboard } from "../queries/leaderboard.ts";
import { overdueLoans } from "../queries/library.ts";
import { overdueRentals } from "../queries/tools.ts";
import { complaints } from "../schema/complaints.ts";
import { gradeReviews } from "../schema/grades.ts";
import { sanctions } from "../schema/sanctions.ts";
import { createTestEnv } from "../test/harness.ts";
import { seedDemo } from "./demo.ts";

it("demo data for follow-ups, grades, sanctions, complaints, tools, training, lending, services, publicity and costs", { timeout: 180_000 }, async () => {
  const env = await createTestEnv({ kind: "pglite" });
  try {
    const today = "2025-09-15";
    const { marketId } = await seedDemo(env.db, { marketCode: "140522", workers: 160, employers: 25, months: 6, today });
    const count = async (table: string, where = sql`true`) => {
      const res = await env.db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} where market_id = ${marketId} and ${where}`);
      return Number(((Array.isArray(res) ? res : (res as { rows: { n: number }[] }).rows)[0] as { n: number }).n);
    };
    const completed = await count("dispatches", sql`status = 'completed'`);
    const rated = await count("followups");
    expect(rated).toBeGreaterThan(completed * 0.7);
    expect(rated).toBeLessThan(completed);

    const statuses = await env.db.selectDistinct({ s: complaints.status }).from(complaints).where(eq(complaints.marketId, marketId));
    const set = new Set(statuses.map((s) => s.s));
    for (const s of ["filed", "accepted", "mediating", "resolved"] as const) expect(set.has(s)).toBe(true);
    expect(set.size).toBeGreaterThanOrEqual(5);

    // Every reviewed worker's history replays to the stored grade.
    const reviewed = await env.db.select({ workerId: gradeReviews.workerId, status: gradeReviews.status }).from(gradeReviews).where(eq(gradeReviews.marketId, marketId));
    expect(reviewed.filter((r) => r.status === "approved").length).toBeGreaterThan(10);
    expect(reviewed.filter((r) => r.status === "proposed").length).toBeGreaterThan(0);
    for (const r of reviewed) {
      const h = await gradeHistory(env.db, marketId, r.workerId);
      expect(h.consistent).toBe(true);
    }

    const s = await env.db.select({ status: sanctions.status, appeal: sanctions.appealStatus }).from(sanctions).where(eq(sanctions.marketId, marketId));
    expect(s.some((x) => x.status === "approved")).toBe(true);
    expect(s.some((x) => x.status === "reversed" && x.appeal === "upheld")).toBe(true);
    expect(s.some((x) => x.appeal === "pending")).toBe(true);

    const ctx = { marketId };
    const head = env.caller("head", ctx);
    expect((await overdueRentals(env.db, marketId, today)).length).toBe(2);
    expect(await count("tool_rentals", sql`returned_at is null`)).toBe(5);
    expect(await count("tool_rentals")).toBeGreaterThan(80);
    expect(await count("training_batches")).toBe(11);
    expect(await count("enrolments", sql`status = 'completed'`)).toBeGreaterThan(50);
    expect((await overdueLoans(env.db, marketId, today)).length).toBe(2);
    expect(await count("services_log")).toBeGreaterThan(700);
    const month = addDays(today, -40).slice(0, 7);
    expect((await head.costs.monthlyReport({ month })).totalFen).toBeGreaterThan(5_000_000);
    expect((await head.services.monthly({ month })).byKind.find((k) => k.kind === "meal")?.people).toBeGreaterThan(200);

    // The board procedures use the real today; the demo's today is fixed, so read through the query.
    const honour = await publicHonourRoll(env.db, marketId, today, 50);
    expect(honour.length).toBeGreaterThan(0);
    expect(honour.every((h) => h.maskedName.includes("*"))).toBe(true);
    // The leaderboard's top consented to public display, so the public 优秀榜 is not empty.
    const board = await publicLeaderboard(env.db, marketId, { limit: 10 }, new Date(`${today}T18:00:00+08:00`));
    expect(board.entries.length).toBeGreaterThan(0);
    expect(board.entries.every((b) => b.maskedName.includes("*") && b.jobs >= board.minJobs)).toBe(true);
    const exposure = await env.db.execute<{ n: number }>(sql`select count(*)::int as n from exposure_entries where market_id = ${marketId} and status = 'active' and length(legal_basis) > 0`);
    expect(Number(((Array.isArray(exposure) ? exposure : (exposure as { rows: { n: number }[] }).rows)[0] as { n: number }).n)).toBeGreaterThanOrEqual(1);
    expect(await count("announcements")).toBe(3);
  } finally {
    await env.close();
  }
});
