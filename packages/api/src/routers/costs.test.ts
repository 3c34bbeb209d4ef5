import { expect, it } from "vitest";
import { countRows } from "../test/hall-fixtures.ts";
import { describeOnBothDatabases } from "../test/harness.ts";

describeOnBothDatabases("operating costs", ({ env }) => {
  it("adds entries and totals them by category for the month", async () => {
    const c = env().caller("office");
    await c.costs.add({ spentOn: "2026-03-01", category: "rent", amountFen: 300_000, voucherNo: "2026-03-001" });
    await c.costs.add({ spentOn: "2026-03-15", category: "utilities", amountFen: 45_050, voucherNo: "2026-03-002", note: "电费" });
    await c.costs.add({ spentOn: "2026-03-31", category: "utilities", amountFen: 12_000, voucherNo: "2026-03-003" });
    await c.costs.add({ spentOn: "2026-04-01", category: "rent", amountFen: 300_000, voucherNo: "2026-04-001" });
    const report = await env().caller("leader").costs.monthlyReport({ month: "2026-03" });
    expect(report.totalFen).toBe(357_050);
    expect(report.entryCount).toBe(3);
    expect(report.categories.find((x) => x.category === "utilities")).toMatchObject({ totalFen: 57_050, entries: 2 });
    expect(report.categories.find((x) => x.category === "staff")).toMatchObject({ totalFen: 0, entries: 0 });
    expect(report.entries.map((e) => e.voucherNo)).toEqual(["2026-03-001", "2026-03-002", "2026-03-003"]);
    const april = await c.costs.list({ month: "2026-04" });
    expect(april.map((e) => e.voucherNo)).toEqual(["2026-04-001"]);
  });

  it("replays a repeated idempotency key instead of adding a second entry", async () => {
    const e = env();
    const c = e.caller("office");
    const before = await countRows(e, ["cost_entries"]);
    const input = { spentOn: "2026-05-02", category: "equipment" as const, amountFen: 88_000, voucherNo: "2026-05-009", idempotencyKey: "cost-2026-05-009-abc" };
    const first = await c.costs.add(input);
    const again = await c.costs.add(input);
    expect(again.id).toBe(first.id);
    expect(await countRows(e, ["cost_entries"])).toEqual({ cost_entries: before.cost_entries! + 1 });
  });

  it("refuses non-positive or fractional amounts, impossible dates, long text and wrong roles", async () => {
    const e = env();
    const c = e.caller("office");
    const before = await countRows(e, ["cost_entries"]);
    const ok = { spentOn: "2026-03-01", category: "rent" as const, amountFen: 100, voucherNo: "V1" };
    const attempts = [
      () => c.costs.add({ ...ok, amountFen: 0 }),
      () => c.costs.add({ ...ok, amountFen: -100 }),
      () => c.costs.add({ ...ok, amountFen: 10.5 }),
      () => c.costs.add({ ...ok, spentOn: "2026-13-01" }),
      () => c.costs.add({ ...ok, voucherNo: "" }),
      () => c.costs.add({ ...ok, note: "长".repeat(501) }),
      () => c.costs.monthlyReport({ month: "2026-3" }),
      () => e.caller("business").costs.add(ok),
      () => e.caller("logistics").costs.list({}),
    ];
    const codes: (string | null)[] = [];
    for (const f of attempts) codes.push(await f().then(() => null, (x: { code: string }) => x.code));
    expect(codes).toEqual(["BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST", "FORBIDDEN", "FORBIDDEN"]);
    expect(await countRows(e, ["cost_entries"])).toEqual(before);
  });
});
