import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "../schema/core.ts";
import { toolRentals } from "../schema/tools.ts";
import { countRows, makeWorker } from "../test/hall-fixtures.ts";
import { describeOnBothDatabases, describeOnPostgres } from "../test/harness.ts";
import { rentalFeeFen } from "../queries/tools.ts";
import { today } from "../queries/hall-common.ts";
import { addDays } from "@lingong/core";

describe("rentalFeeFen", () => {
  it("charges each started day, at least one, and nothing for free tools", () => {
    expect(rentalFeeFen(500, false, "2026-03-01", "2026-03-01")).toBe(500);
    expect(rentalFeeFen(500, false, "2026-03-01", "2026-03-03")).toBe(1500);
    expect(rentalFeeFen(0, true, "2026-03-01", "2026-03-09")).toBe(0);
  });
});

describeOnBothDatabases("tools and rentals", ({ env }) => {
  it("lends and returns a paid tool with deposit, and refuses a second lend while out", async () => {
    const e = env();
    const logistics = e.caller("logistics");
    const tool = await logistics.tools.create({ name: "电锤", kind: "power", free: false, dailyFeeFen: 1000, depositFen: 20000 });
    const w1 = await makeWorker(e, { name: "王大锤" });
    const w2 = await makeWorker(e, { name: "赵铁柱" });
    const due = addDays(today(), 3);
    const rental = await logistics.rentals.lend({ toolId: tool.id, workerId: w1.id, dueDate: due });
    expect(rental.depositFen).toBe(20000);
    await expect(logistics.rentals.lend({ toolId: tool.id, workerId: w2.id, dueDate: due })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "该工具已借出",
    });
    const listed = await logistics.tools.list();
    expect(listed.find((t) => t.id === tool.id)).toMatchObject({ out: true, borrowerName: "王大锤" });
    const back = await logistics.rentals.return({ rentalId: rental.id, condition: "good" });
    expect(back.feeFen).toBe(1000);
    expect(back.depositRefundedFen).toBe(20000);
    await expect(logistics.rentals.return({ rentalId: rental.id, condition: "good" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Back on the shelf: it can go out again.
    const again = await logistics.rentals.lend({ toolId: tool.id, workerId: w2.id, dueDate: due });
    expect(again.workerId).toBe(w2.id);
    const audits = await e.db.select().from(auditLog).where(eq(auditLog.targetId, rental.id));
    expect(audits.map((a) => a.action).sort()).toEqual(["rentals.lend", "rentals.return"]);
  });

  it("free tools carry no fee; damaged return keeps the deposit and takes the tool out of service", async () => {
    const e = env();
    const c = e.caller("head");
    await expect(c.tools.create({ name: "铁锹", kind: "hand", free: true, dailyFeeFen: 100 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const shovel = await c.tools.create({ name: "铁锹", kind: "hand", free: true, depositFen: 5000 });
    const w = await makeWorker(e);
    const r = await c.rentals.lend({ toolId: shovel.id, workerId: w.id, dueDate: today() });
    const back = await c.rentals.return({ rentalId: r.id, condition: "damaged" });
    expect(back).toMatchObject({ feeFen: 0, depositRefundedFen: 0, returnCondition: "damaged" });
    await expect(c.rentals.lend({ toolId: shovel.id, workerId: w.id, dueDate: today() })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("损坏") });
  });

  it("lists overdue rentals with days overdue", async () => {
    const e = env();
    const c = e.caller("logistics");
    const tool = await c.tools.create({ name: "水平仪", kind: "measuring", free: true });
    const w = await makeWorker(e, { name: "刘晓东" });
    const r = await c.rentals.lend({ toolId: tool.id, workerId: w.id, dueDate: today() });
    await e.db.update(toolRentals).set({ dueDate: addDays(today(), -4) }).where(eq(toolRentals.id, r.id));
    const overdue = await c.rentals.overdue();
    expect(overdue.find((o) => o.id === r.id)).toMatchObject({ daysOverdue: 4, workerName: "刘晓东", toolName: "水平仪" });
  });

  it("refuses bad input and wrong roles, leaving the database unchanged", async () => {
    const e = env();
    const c = e.caller("logistics");
    const tool = await c.tools.create({ name: "镐", kind: "hand", free: true });
    const w = await makeWorker(e);
    const before = await countRows(e, ["tools", "tool_rentals"]);
    const bad = [
      () => c.tools.create({ name: "", kind: "hand", free: true }),
      () => c.tools.create({ name: "x".repeat(51), kind: "hand", free: true }),
      () => c.tools.create({ name: "切割机", kind: "power", free: false, dailyFeeFen: -1 }),
      () => c.tools.create({ name: "切割机", kind: "power", free: false, depositFen: 1.5 }),
      () => c.rentals.lend({ toolId: tool.id, workerId: w.id, dueDate: "2026-02-30" }),
      () => c.rentals.lend({ toolId: tool.id, workerId: w.id, dueDate: addDays(today(), -1) }),
      () => c.rentals.lend({ toolId: tool.id, workerId: "00000000-0000-4000-8000-000000000000", dueDate: today() }),
      () => c.rentals.lend({ toolId: "00000000-0000-4000-8000-000000000000", workerId: w.id, dueDate: today() }),
      () => c.rentals.return({ rentalId: "00000000-0000-4000-8000-000000000000", condition: "good" }),
      () => e.caller("training").rentals.lend({ toolId: tool.id, workerId: w.id, dueDate: today() }),
      () => e.caller("leader").tools.create({ name: "锤", kind: "hand", free: true }),
      () => e.anonymous().tools.list(),
    ];
    const codes = [];
    for (const f of bad) {
      const err = await f().then(
        () => null,
        (x: { code: string }) => x.code,
      );
      codes.push(err);
    }
    expect(codes).toEqual(["BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "FORBIDDEN", "FORBIDDEN", "UNAUTHORIZED"]);
    expect(await countRows(e, ["tools", "tool_rentals"])).toEqual(before);
  });

  it("does not lend another market's tool", async () => {
    const e = env();
    const other = await e.addMarket("140522", "阳城县零工市场");
    const tool = await e.caller("logistics").tools.create({ name: "电钻", kind: "power", free: true });
    const w = await makeWorker(e, { marketId: other.id });
    await expect(e.caller("logistics", { marketId: other.id }).rentals.lend({ toolId: tool.id, workerId: w.id, dueDate: today() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describeOnPostgres("tools concurrency", ({ env }) => {
  it("20 parallel lends of one tool leave exactly one open rental", async () => {
    const e = env();
    const c = e.caller("logistics");
    const tool = await c.tools.create({ name: "冲击钻", kind: "power", free: false, dailyFeeFen: 800, depositFen: 10000 });
    const ws = await Promise.all(Array.from({ length: 20 }, (_, i) => makeWorker(e, { name: `并发${i}` })));
    const results = await Promise.allSettled(ws.map((w) => e.caller("logistics").rentals.lend({ toolId: tool.id, workerId: w.id, dueDate: today() })));
    const ok = results.filter((r) => r.status === "fulfilled");
    const conflicts = results.filter((r) => r.status === "rejected" && (r.reason as { code: string }).code === "CONFLICT");
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    const open = await e.db.select().from(toolRentals).where(eq(toolRentals.toolId, tool.id));
    expect(open).toHaveLength(1);
  });
});
