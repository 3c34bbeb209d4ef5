import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, sessions, staffUsers } from "../schema/core.ts";
import { describeOnBothDatabases, TEST_PASSWORD } from "../test/harness.ts";
import { login, LOCKOUT_MS } from "./login.ts";
import { checkPasswordPolicy, generatePassword } from "./policy.ts";
import { loginLimiter } from "./rate-limit.ts";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, clearSessionCache, resolveSession, tokenFromCookieHeader } from "./session.ts";

const MIN = 60_000;

describe("password policy", () => {
  it.each(["abc12345", "Abc12345", "P@ssw0rd", "short1A", "alllowercaseletters", "ALLUPPER123", "12345678901"])(
    "rejects %s",
    (p) => {
      expect(() => checkPasswordPolicy(p)).toThrow(expect.objectContaining({ code: "BAD_REQUEST", field: "password" }));
    },
  );
  it.each(["Qinshui-Gig-7", "x9!Kd2#mPq", "Correct-Horse-9"])("accepts %s", (p) => {
    expect(() => checkPasswordPolicy(p)).not.toThrow();
  });
  it("rejects a password containing the username", () => {
    expect(() => checkPasswordPolicy("Zhangwei-2024!", { username: "zhangwei" })).toThrow(/用户名/);
  });
  it("generates passwords that satisfy the policy", () => {
    for (let i = 0; i < 50; i++) expect(() => checkPasswordPolicy(generatePassword())).not.toThrow();
  });
});

describeOnBothDatabases("auth: login, lockout, sessions", ({ env }) => {
  let ipCounter = 0;
  const freshIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
  beforeEach(() => {
    loginLimiter.reset();
    clearSessionCache();
  });

  it("signs in, sets a __Host- cookie (HttpOnly, Secure, SameSite=Lax) and audits the login", async () => {
    const e = env();
    const cookies: string[] = [];
    const r = await e.anonymous({ ip: freshIp(), setCookie: (c) => cookies.push(c) }).auth.login({
      username: "test-casework",
      password: TEST_PASSWORD,
    });
    expect(r.user.role).toBe("casework");
    expect(cookies).toHaveLength(1);
    const cookie = cookies[0] ?? "";
    expect(cookie).toMatch(/^__Host-lingong=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("Secure");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
    expect(cookie).not.toMatch(/Domain=/i);
    const token = tokenFromCookieHeader(cookie.split(";")[0]);
    expect(token).not.toBeNull();
    const s = await resolveSession(e.db, token ?? "");
    expect(s?.user.id).toBe(e.users.casework.id);
    const rows = await e.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.login"), eq(auditLog.userId, e.users.casework.id), eq(auditLog.success, true)));
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(TEST_PASSWORD);
    // The database keeps only a hash of the token.
    const stored = await e.db.select().from(sessions).where(eq(sessions.userId, e.users.casework.id));
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("rotates the session id at login: the previous session of the browser ends", async () => {
    const e = env();
    const ip = freshIp();
    const first = await login(e.context(null, { ip }), "test-office", TEST_PASSWORD);
    const second = await login(e.context(null, { ip, sessionId: first.sessionId }), "test-office", TEST_PASSWORD);
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(second.token).not.toBe(first.token);
    expect(await resolveSession(e.db, first.token)).toBeNull();
    expect(await resolveSession(e.db, second.token)).not.toBeNull();
  });

  it("gives the same answer for an unknown user and a wrong password, and audits both", async () => {
    const e = env();
    const ctx = e.context(null, { ip: freshIp() });
    await expect(login(ctx, "nobody-here", "Whatever-123")).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "用户名或密码错误" });
    await expect(login(ctx, "test-training", "Wrong-pass-123")).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "用户名或密码错误" });
    const fails = await e.db.select().from(auditLog).where(and(eq(auditLog.action, "auth.login"), eq(auditLog.success, false)));
    const reasons = fails.map((f) => (f.detail as { reason: string }).reason);
    expect(reasons).toEqual(expect.arrayContaining(["unknown-user", "wrong-password"]));
    expect(JSON.stringify(fails)).not.toContain("Wrong-pass-123");
  });

  it("locks the account for 15 minutes after 5 failures, even for the right password", async () => {
    const e = env();
    const now = Date.now();
    const ctx = () => e.context(null, { ip: freshIp() });
    for (let i = 1; i <= 4; i++) {
      await expect(login(ctx(), "test-policy", "Wrong-pass-123", new Date(now + i))).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
    await expect(login(ctx(), "test-policy", "Wrong-pass-123", new Date(now + 5))).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    await expect(login(ctx(), "test-policy", TEST_PASSWORD, new Date(now + 10 * MIN))).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    const lock = await e.db.select().from(auditLog).where(and(eq(auditLog.action, "auth.lockout"), eq(auditLog.userId, e.users.policy.id)));
    expect(lock).toHaveLength(1);
    const ok = await login(ctx(), "test-policy", TEST_PASSWORD, new Date(now + LOCKOUT_MS + MIN));
    expect(ok.user.role).toBe("policy");
    const [u] = await e.db.select().from(staffUsers).where(eq(staffUsers.id, e.users.policy.id));
    expect(u?.failedLogins).toBe(0);
  });

  it("ends a session after 30 idle minutes", async () => {
    const e = env();
    const t0 = Date.now();
    const s = await login(e.context(null, { ip: freshIp() }), "test-rights", TEST_PASSWORD, new Date(t0));
    expect(await resolveSession(e.db, s.token, t0 + 29 * MIN)).not.toBeNull();
    clearSessionCache();
    expect(await resolveSession(e.db, s.token, t0 + 29 * MIN + IDLE_TIMEOUT_MS + MIN)).toBeNull();
    clearSessionCache();
    // Once ended it stays ended.
    expect(await resolveSession(e.db, s.token, t0 + 30 * MIN)).toBeNull();
  });

  it("ends a session after 12 hours even when it is in constant use", async () => {
    const e = env();
    const t0 = Date.now();
    const s = await login(e.context(null, { ip: freshIp() }), "test-logistics", TEST_PASSWORD, new Date(t0));
    for (let t = t0 + 20 * MIN; t < t0 + ABSOLUTE_TIMEOUT_MS; t += 20 * MIN) {
      clearSessionCache();
      expect(await resolveSession(e.db, s.token, t)).not.toBeNull();
    }
    clearSessionCache();
    expect(await resolveSession(e.db, s.token, t0 + ABSOLUTE_TIMEOUT_MS + 1)).toBeNull();
  });

  it("disabling an account ends all its sessions and refuses new logins", async () => {
    const e = env();
    const a = await login(e.context(null, { ip: freshIp() }), "test-business", TEST_PASSWORD);
    const b = await login(e.context(null, { ip: freshIp() }), "test-business", TEST_PASSWORD);
    expect(await resolveSession(e.db, a.token)).not.toBeNull();
    await e.caller("admin").staff.disable({ userId: e.users.business.id });
    expect(await resolveSession(e.db, a.token)).toBeNull();
    expect(await resolveSession(e.db, b.token)).toBeNull();
    await expect(login(e.context(null, { ip: freshIp() }), "test-business", TEST_PASSWORD)).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    const audit = await e.db.select().from(auditLog).where(and(eq(auditLog.action, "staff.disable"), eq(auditLog.targetId, e.users.business.id)));
    expect(audit).toHaveLength(1);
    await e.caller("admin").staff.enable({ userId: e.users.business.id });
    expect((await login(e.context(null, { ip: freshIp() }), "test-business", TEST_PASSWORD)).user.role).toBe("business");
  });

  it("refuses the 11th login attempt from one IP within a minute (TOO_MANY_REQUESTS)", async () => {
    const e = env();
    const ip = freshIp();
    const now = Date.now();
    for (let i = 0; i < 10; i++) {
      await expect(login(e.context(null, { ip }), `ghost-${i}`, "Wrong-pass-123", new Date(now + i))).rejects.toMatchObject({
        code: "UNAUTHORIZED",
      });
    }
    await expect(login(e.context(null, { ip }), "test-head", TEST_PASSWORD, new Date(now + 11))).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    // Another IP is unaffected, and the window passes.
    expect((await login(e.context(null, { ip: freshIp() }), "test-head", TEST_PASSWORD, new Date(now + 12))).user.role).toBe("head");
    expect((await login(e.context(null, { ip }), "test-head", TEST_PASSWORD, new Date(now + MIN + 1))).user.role).toBe("head");
  });

  it("changePassword enforces the policy and the current password", async () => {
    const e = env();
    const c = e.caller("training");
    await expect(c.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "abc12345" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(c.auth.changePassword({ currentPassword: "Not-the-one-1", newPassword: "Brand-New-Pass-9" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await c.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "Brand-New-Pass-9" });
    await expect(login(e.context(null, { ip: freshIp() }), "test-training", TEST_PASSWORD)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await login(e.context(null, { ip: freshIp() }), "test-training", "Brand-New-Pass-9")).user.role).toBe("training");
  });

  it("staff admin: create with a generated password, weak passwords refused, duplicate username is a clear CONFLICT", async () => {
    const e = env();
    const admin = e.caller("admin");
    const created = await admin.staff.create({ username: "li.ming", displayName: "李明", role: "casework", marketId: e.market.id });
    expect(created.generatedPassword).toMatch(/.{16}/);
    expect((await login(e.context(null, { ip: freshIp() }), "li.ming", created.generatedPassword ?? "")).user.displayName).toBe("李明");
    await expect(
      admin.staff.create({ username: "wang.fang", displayName: "王芳", role: "office", marketId: e.market.id, password: "abc12345" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      admin.staff.create({ username: "li.ming", displayName: "李明二", role: "office", marketId: e.market.id }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "用户名已被使用" });
    await expect(
      admin.staff.create({ username: "no.market", displayName: "无市场", role: "office", marketId: null }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const list = await admin.staff.list();
    expect(list.some((u) => u.username === "li.ming")).toBe(true);
    expect(JSON.stringify(list)).not.toContain("scrypt$");
  });

  it("setRole and resetPassword end the account's sessions", async () => {
    const e = env();
    const admin = e.caller("admin");
    const created = await admin.staff.create({ username: "zhao.lei", displayName: "赵磊", role: "office", marketId: e.market.id });
    const s = await login(e.context(null, { ip: freshIp() }), "zhao.lei", created.generatedPassword ?? "");
    await admin.staff.setRole({ userId: created.user.id, role: "business" });
    expect(await resolveSession(e.db, s.token)).toBeNull();
    const reset = await admin.staff.resetPassword({ userId: created.user.id });
    const s2 = await login(e.context(null, { ip: freshIp() }), "zhao.lei", reset.generatedPassword);
    expect(s2.user.role).toBe("business");
    await expect(admin.staff.setRole({ userId: e.users.admin.id, role: "head" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
