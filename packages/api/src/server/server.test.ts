import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTRPCClient, httpBatchLink, httpLink } from "@trpc/client";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import { z } from "zod";
import { loginLimiter } from "../auth/rate-limit.ts";
import { createContextFactory } from "../context.ts";
import type { AppRouter } from "../router.ts";
import { describeOnBothDatabases, TEST_PASSWORD } from "../test/harness.ts";
import { publicProcedure, router, staffProcedure } from "../trpc.ts";
import { createServer, type LingongServer } from "./index.ts";
import { SECURITY_HEADERS } from "./security.ts";
import { createTrpcHandler } from "./trpc-handler.ts";

function fakeDist(title: string, withBuild = true) {
  const dir = mkdtempSync(join(tmpdir(), "lingong-dist-"));
  if (withBuild) {
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "index.html"), `<!doctype html><title>${title}</title>`);
    writeFileSync(join(dir, "assets", "app-abc123.js"), "console.log(1)");
  }
  return dir;
}

describeOnBothDatabases("HTTP server", ({ env }) => {
  let app: LingongServer;
  let base = "";
  let origin = "";
  beforeAll(async () => {
    app = createServer({ db: env().db, log: false, adminDist: fakeDist("admin"), dashboardDist: fakeDist("dash") });
    base = await app.listen(0);
    origin = base;
  });
  afterAll(() => app.close());
  beforeEach(() => loginLimiter.reset());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  async function signIn(username = "test-head") {
    const r = await post("/trpc/auth.login", { username, password: TEST_PASSWORD });
    expect(r.status).toBe(200);
    const cookie = r.headers.getSetCookie()[0] ?? "";
    return cookie.split(";")[0] ?? "";
  }

  it("healthz pings the database", async () => {
    const r = await fetch(`${base}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ok: true, db: "up" });
  });

  it("sends the security headers on apps and API", async () => {
    for (const path of ["/", "/trpc/auth.me", "/dashboard/"]) {
      const r = await fetch(`${base}${path}`);
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(r.headers.get(k), `${path} ${k}`).toBe(v);
      await r.arrayBuffer();
    }
    const csp = SECURITY_HEADERS["content-security-policy"] ?? "";
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("serves the SPAs with fallback to index.html, assets as files, and no way out of the folder", async () => {
    for (const path of ["/", "/board", "/jobs", "/workers/123"]) {
      expect(await (await fetch(`${base}${path}`)).text(), path).toContain("<title>admin</title>");
    }
    for (const path of ["/dashboard/", "/dashboard/trends"]) {
      expect(await (await fetch(`${base}${path}`)).text(), path).toContain("<title>dash</title>");
    }
    const redirect = await fetch(`${base}/dashboard`, { redirect: "manual" });
    expect(redirect.status).toBe(301);
    const js = await fetch(`${base}/assets/app-abc123.js`);
    expect(js.headers.get("content-type")).toContain("javascript");
    expect(js.headers.get("cache-control")).toContain("immutable");
    expect(await js.text()).toBe("console.log(1)");
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    const escape = await fetch(`${base}/..%2f..%2f..%2fpackage.json`);
    expect(await escape.text()).not.toContain("@lingong");
  });

  it("says to run the build when an app is not built", async () => {
    const bare = createServer({ db: env().db, log: false, adminDist: fakeDist("x", false), dashboardDist: fakeDist("y", false) });
    const url = await bare.listen(0);
    try {
      expect(await (await fetch(`${url}/`)).text()).toContain("npm run build");
      expect(await (await fetch(`${url}/dashboard/`)).text()).toContain("npm run build -w @lingong/dashboard");
    } finally {
      await bare.close();
    }
  });

  it("signs in over HTTP with a __Host- cookie and answers auth.me with it", async () => {
    const r = await post("/trpc/auth.login", { username: "test-head", password: TEST_PASSWORD });
    const setCookie = r.headers.getSetCookie();
    expect(setCookie).toHaveLength(1);
    expect(setCookie[0]).toMatch(/^__Host-lingong=[\w-]+; Path=\/; HttpOnly; Secure; SameSite=Lax/);
    expect(JSON.stringify(await r.json())).not.toContain(setCookie[0]?.split(";")[0]?.split("=")[1]);
    const cookie = setCookie[0]?.split(";")[0] ?? "";
    const me = await fetch(`${base}/trpc/auth.me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    const body = (await me.json()) as { result: { data: { user: { role: string }; procedures: string[] } } };
    expect(body.result.data.user.role).toBe("head");
    expect(me.headers.get("cache-control")).toBe("no-store");
    expect((await fetch(`${base}/trpc/auth.me`)).status).toBe(401);
  });

  it("works with a plain tRPC client (httpBatchLink and httpLink)", async () => {
    const cookie = await signIn("test-admin");
    const headers = { cookie, origin };
    const batch = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${base}/trpc`, headers })] });
    const [me, list] = await Promise.all([batch.auth.me.query(), batch.staff.list.query()]);
    expect(me.user.role).toBe("admin");
    expect(list.length).toBeGreaterThan(5);
    const single = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${base}/trpc`, headers, methodOverride: "POST" })] });
    expect((await single.auth.me.query()).user.username).toBe("test-admin");
    const denied = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${base}/trpc`, headers: { cookie: await signIn("test-head"), origin } })] });
    await expect(denied.staff.list.query()).rejects.toMatchObject({ data: { code: "FORBIDDEN", httpStatus: 403 } });
    await single.auth.logout.mutate();
    await expect(single.auth.me.query()).rejects.toMatchObject({ data: { code: "UNAUTHORIZED" } });
  });

  it("refuses CSRF-able mutations: text/plain, foreign or missing Origin (403)", async () => {
    const body = { username: "test-head", password: TEST_PASSWORD };
    expect((await post("/trpc/auth.login", JSON.stringify(body), { "content-type": "text/plain" })).status).toBe(403);
    expect((await post("/trpc/auth.login", body, { "content-type": "application/x-www-form-urlencoded" })).status).toBe(403);
    expect((await post("/trpc/auth.login", body, { origin: "https://evil.example" })).status).toBe(403);
    const noOrigin = await fetch(`${base}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(noOrigin.status).toBe(403);
    expect((await post("/trpc/auth.login", body, { origin: "null" })).status).toBe(403);
    // Same host via Referer only is fine.
    const viaReferer = await fetch(`${base}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", referer: `${base}/login` },
      body: JSON.stringify(body),
    });
    expect(viaReferer.status).toBe(200);
  });

  it("refuses mutations over GET", async () => {
    const r = await fetch(`${base}/trpc/auth.logout`);
    expect(r.status).toBe(405);
  });

  it("refuses the real searches that take an ID number or phone over GET, and answers them over POST", async () => {
    const cookie = await signIn();
    for (const path of ["workers.search", "employers.search"]) {
      const input = encodeURIComponent(JSON.stringify({ q: "140521199001011234" }));
      expect((await fetch(`${base}/trpc/${path}?input=${input}`, { headers: { cookie } })).status, path).toBe(405);
      const r = await post(`/trpc/${path}`, { q: "13812345678" }, { cookie });
      expect(r.status, path).toBe(200);
    }
  });

  it("limits batch size: a 200-comma batch gets 400, 10 calls are fine", async () => {
    const cookie = await signIn();
    const big = Array.from({ length: 201 }, () => "auth.me").join(",");
    const r = await fetch(`${base}/trpc/${big}?batch=1&input=${encodeURIComponent("{}")}`, { headers: { cookie } });
    expect(r.status).toBe(400);
    const commas = ",".repeat(200);
    expect((await fetch(`${base}/trpc/${commas}?batch=1`, { headers: { cookie } })).status).toBe(400);
    const ten = Array.from({ length: 10 }, () => "auth.me").join(",");
    const ok = await fetch(`${base}/trpc/${ten}?batch=1`, { headers: { cookie } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toHaveLength(10);
  });

  it("rate-limits login over HTTP: the 11th attempt in a minute gets 429", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await post("/trpc/auth.login", { username: `ghost-${i}`, password: "Wrong-pass-999" })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it("refuses oversized bodies and malformed JSON", async () => {
    const small = createServer({ db: env().db, log: false, maxBodyBytes: 1000 });
    const url = await small.listen(0);
    try {
      const r = await fetch(`${url}/trpc/auth.login`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: url },
        body: JSON.stringify({ username: "x".repeat(5000), password: "y" }),
      });
      expect(r.status).toBe(413);
      const bad = await fetch(`${url}/trpc/auth.login`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: url },
        body: "{not json",
      });
      expect(bad.status).toBe(400);
    } finally {
      await small.close();
    }
  });

  it("logs method, path, status and ms per request, never the query string", async () => {
    const logged = createServer({ db: env().db, log: true });
    const url = await logged.listen(0);
    const spy = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      const secret = encodeURIComponent(JSON.stringify({ idNumber: "140521199001011234", phone: "13812345678" }));
      await (await fetch(`${url}/trpc/auth.me?input=${secret}`)).text();
      await new Promise((r) => setTimeout(r, 20));
      const lines = spy.mock.calls.map((c) => c.join(" "));
      const line = lines.find((l) => l.includes("/trpc/auth.me"));
      expect(line).toMatch(/^GET \/trpc\/auth\.me 401 \d+\.\dms$/);
      expect(lines.join("\n")).not.toMatch(/140521199001011234|13812345678|input=/);
    } finally {
      spy.mockRestore();
      await logged.close();
    }
  });

  it("errors carry field and messageEn but no stack trace", async () => {
    const r = await post("/trpc/auth.login", { username: "test-head" });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { error: { message: string; data: Record<string, unknown> } };
    expect(body.error.data.field).toBe("password");
    expect(body.error.data.messageEn).toBe("Invalid input");
    expect(body.error.data.stack).toBeUndefined();
    expect(body.error.message).toContain("password");
  });
});

describeOnBothDatabases("lean tRPC handler: personal lookups only by POST, no SQL in responses", ({ env }) => {
  let server: Server;
  let base = "";
  beforeAll(async () => {
    const probe = router({
      findByIdNumber: staffProcedure(["head"])
        .meta({ postOnly: true })
        .input(z.object({ idNumber: z.string() }))
        .query(({ input }) => ({ found: input.idNumber.length === 18 })),
      broken: publicProcedure.query(async ({ ctx }) => {
        await ctx.db.execute(sql`select * from no_such_table where id_number = ${"140521199001011234"}`);
      }),
    });
    const contextFor = createContextFactory(env().db);
    const handler = createTrpcHandler({
      router: probe,
      maxBatchSize: 10,
      maxBodyBytes: 10_000,
      allowedOrigins: [],
      baseHeaders: {},
      createContext: async (req) => ({ ...(await contextFor({ req, ip: "127.0.0.1" })), user: env().users.head }),
    });
    server = createHttpServer((req, res) => {
      const url = req.url ?? "/";
      const q = url.indexOf("?");
      void handler(req, res, (q < 0 ? url : url.slice(0, q)).slice(6), q < 0 ? "" : url.slice(q + 1));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("refuses a postOnly query over GET and answers it over POST", async () => {
    const input = encodeURIComponent(JSON.stringify({ idNumber: "140521199001011234" }));
    expect((await fetch(`${base}/trpc/findByIdNumber?input=${input}`)).status).toBe(405);
    const r = await fetch(`${base}/trpc/findByIdNumber`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ idNumber: "140521199001011234" }),
    });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ result: { data: { found: true } } });
  });

  it("answers a failing query with a generic 500 and no SQL or parameters", async () => {
    const r = await fetch(`${base}/trpc/broken`);
    expect(r.status).toBe(500);
    const text = await r.text();
    expect(text).toContain("服务器内部错误");
    expect(text).not.toMatch(/no_such_table|select|params|140521199001011234|stack/i);
  });
});
