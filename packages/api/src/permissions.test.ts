import type { AnyProcedure } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { appRouter, listProcedures } from "./router.ts";
import { ROLE_IDS, type Role } from "./roles.ts";
import { auditLog } from "./schema/core.ts";
import { describeOnBothDatabases, type TestEnv } from "./test/harness.ts";
import { createCallerFactory, publicProcedure, router, staffProcedure, type Context } from "./trpc.ts";

/** Calls any procedure of appRouter by path with no input, returning the error code (or "OK"). */
async function call(ctx: Context, path: string): Promise<string> {
  const proc = (appRouter._def.procedures as unknown as Record<string, AnyProcedure>)[path];
  if (!proc) throw new Error(`no procedure ${path}`);
  try {
    await proc({ ctx, path, type: proc._def.type, getRawInput: async () => undefined, signal: undefined, batchIndex: 0 });
    return "OK";
  } catch (err) {
    return (err as { code?: string }).code ?? "UNKNOWN";
  }
}

async function deniedRows(env: TestEnv, requestId: string, path: string) {
  return env.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.requestId, requestId), eq(auditLog.action, "access.denied"), eq(auditLog.targetId, path)));
}

describeOnBothDatabases("permission matrix: every procedure x every role", ({ env }) => {
  const procedures = listProcedures();

  it("reads the procedures from the router (the list grows as routers are added)", () => {
    expect(procedures.map((p) => p.path)).toEqual(expect.arrayContaining(["auth.login", "auth.me", "staff.create"]));
    for (const p of procedures) {
      for (const r of p.meta?.roles ?? []) expect(ROLE_IDS).toContain(r);
    }
  });

  // A public mutation is reachable by anyone on the internet: each one is reviewed and listed
  // here on purpose (rate limit, no PII echoed back). A new one fails this test until listed.
  const REVIEWED_PUBLIC_MUTATIONS = ["auth.login", "workers.preRegister"];
  it("has no public mutation except the reviewed ones", () => {
    const publicMutations = procedures.filter((p) => p.meta?.public === true && p.type === "mutation").map((p) => p.path);
    expect(publicMutations.filter((p) => !REVIEWED_PUBLIC_MUTATIONS.includes(p))).toEqual([]);
    expect(publicMutations).toContain("auth.login");
  });

  it("takes queries with personal-data inputs by POST only (meta postOnly), so no ID number or phone lands in a URL", () => {
    // `q` is the one search box that takes a name, phone or ID number.
    const PII_KEY = /idNumber|residentId|idCard|phone|mobile|^q$/i;
    const procs = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
    const offenders: string[] = [];
    for (const [path, proc] of Object.entries(procs)) {
      if (proc._def.type !== "query") continue;
      const inputs = (proc._def as unknown as { inputs?: unknown[] }).inputs ?? [];
      const keys = inputs.flatMap((schema) => {
        const shape = (schema as { shape?: Record<string, unknown> }).shape;
        return shape ? Object.keys(shape) : [];
      });
      if (keys.some((k) => PII_KEY.test(k)) && !(proc._def.meta as { postOnly?: boolean } | undefined)?.postOnly) offenders.push(path);
    }
    expect(offenders).toEqual([]);
  });

  it("refuses anonymous callers on every non-public procedure (UNAUTHORIZED, audited)", async () => {
    const e = env();
    for (const p of procedures.filter((x) => x.meta?.public !== true)) {
      const ctx = e.context(null, { requestId: `anon-${p.path}` });
      expect.soft(await call(ctx, p.path), p.path).toBe("UNAUTHORIZED");
      expect.soft(await deniedRows(e, ctx.requestId, p.path), p.path).toHaveLength(1);
    }
  });

  it("lets exactly the declared roles through and refuses every other role (FORBIDDEN, audited)", async () => {
    const e = env();
    for (const p of procedures.filter((x) => x.meta?.public !== true)) {
      const allowed = new Set<Role>(p.meta?.roles ?? []);
      for (const role of ROLE_IDS) {
        const ctx = e.context(role, { requestId: `${role}-${p.path}` });
        const code = await call(ctx, p.path);
        const denied = await deniedRows(e, ctx.requestId, p.path);
        if (allowed.has(role)) {
          expect.soft(denied, `${role} should pass the guard of ${p.path} (got ${code})`).toHaveLength(0);
        } else {
          expect.soft(code, `${role} on ${p.path}`).toBe("FORBIDDEN");
          expect.soft(denied, `${role} on ${p.path} audited`).toHaveLength(1);
        }
      }
    }
  });
});

describeOnBothDatabases("deny by default for procedures without a policy", ({ env }) => {
  const testRouter = router({
    noRoles: staffProcedure([]).query(() => "leak"),
    rolesRemoved: staffProcedure(["head"]).meta({ roles: [] }).query(() => "leak"),
    headOnly: staffProcedure(["head"]).query(() => "ok"),
    open: publicProcedure.query(() => "open"),
  });
  const createCaller = createCallerFactory(testRouter);

  it("refuses every role on a procedure whose meta declares no roles", async () => {
    const e = env();
    for (const role of ROLE_IDS) {
      const c = createCaller(e.context(role));
      await expect(c.noRoles()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(c.rolesRemoved()).rejects.toMatchObject({ code: "FORBIDDEN" });
      if (role === "head") await expect(c.headOnly()).resolves.toBe("ok");
      else await expect(c.headOnly()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(c.open()).resolves.toBe("open");
    }
    await expect(createCaller(e.context(null)).noRoles()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("auth.me lists only the procedures the role may call", async () => {
    const e = env();
    const me = await e.caller("admin").auth.me();
    expect(me.procedures).toContain("staff.create");
    const head = await e.caller("head").auth.me();
    expect(head.procedures).not.toContain("staff.create");
    expect(head.procedures).toContain("auth.changePassword");
  });
});

