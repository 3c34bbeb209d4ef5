import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DomainError, mapDbError, registerConstraintMessage } from "./errors.ts";
import { markets } from "./schema/core.ts";
import { describeOnBothDatabases } from "./test/harness.ts";
import { createCallerFactory, router, staffProcedure } from "./trpc.ts";

const SECRET_ID = "140521199001011234";

describe("DomainError", () => {
  it("carries code, Chinese message, field and English message", () => {
    const e = new DomainError("BAD_REQUEST", "结束时间早于开始时间", { field: "endsAt", messageEn: "End before start" });
    expect(e).toMatchObject({ code: "BAD_REQUEST", message: "结束时间早于开始时间", field: "endsAt", messageEn: "End before start" });
    expect(mapDbError(e)).toBeNull();
    expect(mapDbError(new Error("plain"))).toBeNull();
  });
});

describeOnBothDatabases("database errors become clear tRPC errors without SQL", ({ env }) => {
  registerConstraintMessage("markets_code_unique", { code: "CONFLICT", message: "该市场代码已存在", field: "code" });
  const probe = router({
    duplicate: staffProcedure(["head"]).mutation(async ({ ctx }) => {
      await ctx.db.insert(markets).values({ code: "140521", name: SECRET_ID, county: "x", province: "x" });
    }),
    badSql: staffProcedure(["head"]).query(async ({ ctx }) => {
      await ctx.db.execute(sql`select * from no_such_table where secret = ${SECRET_ID}`);
    }),
    badValue: staffProcedure(["head"]).query(async ({ ctx }) => {
      await ctx.db.execute(sql`select ${SECRET_ID}::int`);
    }),
    badUuid: staffProcedure(["head"]).query(async ({ ctx }) => {
      await ctx.db.select().from(markets).where(sql`${markets.id} = ${"not-a-uuid"}`);
    }),
    domain: staffProcedure(["head"]).query(() => {
      throw new DomainError("NOT_FOUND", "零工不存在", { field: "workerId", messageEn: "Worker not found" });
    }),
  });
  const createCaller = createCallerFactory(probe);

  async function errorOf(p: Promise<unknown>) {
    try {
      await p;
    } catch (err) {
      return err as { code: string; message: string; cause?: unknown; shape?: unknown };
    }
    throw new Error("expected an error");
  }

  it("maps a unique violation to CONFLICT with the registered message and field", async () => {
    const c = createCaller(env().context("head"));
    const err = await errorOf(c.duplicate());
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toBe("该市场代码已存在");
    expect((err.cause as DomainError).field).toBe("code");
    expect(JSON.stringify({ m: err.message, c: String(err.cause) })).not.toMatch(/insert|params|140521199/i);
  });

  it("never shows SQL text or parameters for unknown database errors", async () => {
    const c = createCaller(env().context("head"));
    const err = await errorOf(c.badSql());
    expect(err.code).toBe("INTERNAL_SERVER_ERROR");
    expect(err.message).toBe("服务器内部错误");
    expect(err.message).not.toMatch(/select|no_such_table|params/i);
  });

  it("maps invalid values (22xxx) to BAD_REQUEST without the value", async () => {
    const c = createCaller(env().context("head"));
    for (const p of [c.badValue(), c.badUuid()]) {
      const err = await errorOf(p);
      expect(err.code).toBe("BAD_REQUEST");
      expect(err.message).not.toContain(SECRET_ID);
      expect(err.message).not.toMatch(/select|params/i);
    }
  });

  it("passes domain errors through with their field", async () => {
    const err = await errorOf(createCaller(env().context("head")).domain());
    expect(err).toMatchObject({ code: "NOT_FOUND", message: "零工不存在" });
  });
});
