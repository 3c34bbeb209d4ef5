import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { mutate } from "./audit.ts";
import { auditLog, markets } from "./schema/core.ts";
import { describeOnBothDatabases, describeOnPostgres } from "./test/harness.ts";

describeOnBothDatabases("base: harness, audit, errors", ({ env }) => {
  it("seeds the market, 14 townships and one user per role", async () => {
    const e = env();
    expect(e.townships).toHaveLength(14);
    expect(e.users.head.marketId).toBe(e.market.id);
    expect(e.users.leader.marketId).toBeNull();
    const me = await e.caller("head").auth.me();
    expect(me.user.role).toBe("head");
    expect(me.procedures).toContain("auth.me");
  });

  it("refuses anonymous callers with UNAUTHORIZED and audits the denial", async () => {
    const e = env();
    await expect(e.anonymous().auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const rows = await e.db.select().from(auditLog).where(sql`${auditLog.action} = 'access.denied'`);
    expect(rows.some((r) => r.targetId === "auth.me" && r.success === false)).toBe(true);
  });

  it("mutate writes the audit row in the same transaction, masks PII and replays idempotency keys", async () => {
    const e = env();
    const ctx = e.context("head");
    let runs = 0;
    const work = async () => {
      runs++;
      return { result: { ok: runs }, targetId: "x1", after: { idNumber: "140521199001011234", phone: "13812345678", name: "张三" } };
    };
    const a = await mutate(ctx, { action: "test.do", targetType: "test", idempotencyKey: "k-1" }, work);
    const b = await mutate(ctx, { action: "test.do", targetType: "test", idempotencyKey: "k-1" }, work);
    expect(a).toEqual({ ok: 1 });
    expect(b).toEqual({ ok: 1 });
    expect(runs).toBe(1);
    const rows = await e.db.select().from(auditLog).where(sql`${auditLog.action} = 'test.do'`);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0]?.after)).not.toContain("199001011234");
    expect(JSON.stringify(rows[0]?.after)).not.toContain("13812345678");
    expect(rows[0]?.after).toMatchObject({ idNumber: "140521********1234", phone: "138****5678", name: "张三" });
  });

  it("rolls back the work when the mutation fails, and audits the failure", async () => {
    const e = env();
    const ctx = e.context("head");
    await expect(
      mutate(ctx, { action: "test.fail", targetType: "market" }, async (tx) => {
        await tx.insert(markets).values({ code: "999999", name: "x", county: "x", province: "x" });
        await tx.insert(markets).values({ code: "999999", name: "y", county: "y", province: "y" });
        return { result: null };
      }),
    ).rejects.toThrow();
    const left = await e.db.select().from(markets).where(sql`${markets.code} = '999999'`);
    expect(left).toHaveLength(0);
    const rows = await e.db.select().from(auditLog).where(sql`${auditLog.action} = 'test.fail'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.success).toBe(false);
    expect(rows[0]?.detail).toMatchObject({ error: "CONFLICT" });
  });

  it("refuses UPDATE and DELETE on audit_log", async () => {
    const e = env();
    await expect(e.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(e.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    const rows = await e.db.select().from(auditLog);
    expect(rows.length).toBeGreaterThan(0);
  });
});

describeOnPostgres("mutate under concurrency (real PostgreSQL, small pool)", ({ env }) => {
  it("20 parallel calls with one idempotency key run the work once and all get its result", async () => {
    const e = env();
    const ctx = e.context("business");
    let runs = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        mutate(ctx, { action: "test.concurrent", targetType: "test", idempotencyKey: "same-key" }, async () => {
          runs++;
          await new Promise((r) => setTimeout(r, 20));
          return { result: { n: runs }, targetId: "t" };
        }),
      ),
    );
    expect(runs).toBe(1);
    expect(new Set(results.map((r) => JSON.stringify(r)))).toEqual(new Set([JSON.stringify({ n: 1 })]));
    const rows = await e.db.select().from(auditLog).where(sql`${auditLog.action} = 'test.concurrent'`);
    expect(rows).toHaveLength(1);
  });

  it("retries serialization failures: 10 concurrent serializable read-modify-writes all count", async () => {
    const e = env();
    const ctx = e.context("head");
    await Promise.all(
      Array.from({ length: 10 }, () =>
        mutate(ctx, { action: "test.counter", targetType: "market", isolationLevel: "serializable", attempts: 30 }, async (tx) => {
          const [m] = await tx.select({ settings: markets.settings }).from(markets).where(sql`${markets.id} = ${e.market.id}`);
          const n = Number((m?.settings as { n?: number } | undefined)?.n ?? 0);
          await new Promise((r) => setTimeout(r, 5));
          await tx.update(markets).set({ settings: { n: n + 1 } }).where(sql`${markets.id} = ${e.market.id}`);
          return { result: n + 1, targetId: e.market.id };
        }),
      ),
    );
    const [m] = await e.db.select({ settings: markets.settings }).from(markets).where(sql`${markets.id} = ${e.market.id}`);
    expect(m?.settings).toEqual({ n: 10 });
  });
});
