import { count, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { dispatches } from "../schema/dispatches.ts";
import { employers } from "../schema/employers.ts";
import { jobOrders } from "../schema/orders.ts";
import { workers } from "../schema/workers.ts";
import { createTestEnv } from "../test/harness.ts";
import { seedDemo } from "./demo.ts";

it("seeds a small deterministic demo market with valid data and demo-only logins", async () => {
  const env = await createTestEnv({ kind: "pglite" });
  try {
    const opts = { marketCode: "140522", workers: 120, employers: 20, months: 2, today: "2025-06-15" };
    const res = await seedDemo(env.db, opts);
    expect(res.logins.map((l) => l.role)).toContain("head");
    expect(res.logins.every((l) => l.demoOnly && l.password.startsWith("Demo-"))).toBe(true);
    const [w] = await env.db.select({ n: count() }).from(workers).where(eq(workers.marketId, res.marketId));
    const [e] = await env.db.select({ n: count() }).from(employers).where(eq(employers.marketId, res.marketId));
    const [o] = await env.db.select({ n: count() }).from(jobOrders).where(eq(jobOrders.marketId, res.marketId));
    const [d] = await env.db.select({ n: count() }).from(dispatches).where(eq(dispatches.marketId, res.marketId));
    expect(w?.n).toBeGreaterThan(110);
    expect(e?.n).toBeGreaterThan(15);
    expect(o?.n).toBeGreaterThan(100);
    expect(d?.n).toBeGreaterThan(100);
    // Idempotent: a second run adds no workers.
    await seedDemo(env.db, opts);
    const [w2] = await env.db.select({ n: count() }).from(workers).where(eq(workers.marketId, res.marketId));
    expect(w2?.n).toBe(w?.n);
  } finally {
    await env.close();
  }
});
