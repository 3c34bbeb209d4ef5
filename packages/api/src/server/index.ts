import { randomUUID } from "node:crypto";
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { createContextFactory } from "../context.ts";
import type { Db } from "../db/client.ts";
import { dbErrorCode } from "../errors.ts";
import { appRouter } from "../router.ts";
import { allowedOriginsFromEnv, clientIp, SECURITY_HEADERS } from "./security.ts";
import { createSpaHandler } from "./static.ts";
import { createTrpcHandler } from "./trpc-handler.ts";
import { loginLimiter } from "../auth/rate-limit.ts";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

export interface ServerOptions {
  db: Db;
  /** Log one line per request (method, path without query string, status, ms). Default true. */
  log?: boolean;
  /** Origins allowed to send mutations besides the server's own host (default LINGONG_ALLOWED_ORIGINS). */
  allowedOrigins?: string[];
  maxBatchSize?: number;
  /** Largest accepted request body (default 8 MiB: ID copies and photos arrive as base64). */
  maxBodyBytes?: number;
  adminDist?: string;
  dashboardDist?: string;
  trustProxy?: boolean;
  /**
   * Login attempts allowed per IP per minute (default 10, MLPS). Browser test suites sign in
   * many times from 127.0.0.1 and raise it; a real deployment keeps the default.
   */
  loginAttemptsPerMinute?: number;
}

export interface LingongServer {
  server: Server;
  handler(req: IncomingMessage, res: ServerResponse): void;
  /** Starts listening; resolves to the base URL (port 0 picks a free port). */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/** The one Node server: /trpc, /healthz, the admin app at / and the dashboard at /dashboard/. */
export function createServer(opts: ServerOptions): LingongServer {
  const { db } = opts;
  const log = opts.log ?? true;
  const trustProxy = opts.trustProxy ?? process.env.LINGONG_TRUST_PROXY === "1";
  const contextFor = createContextFactory(db);
  if (opts.loginAttemptsPerMinute !== undefined) loginLimiter.limit = opts.loginAttemptsPerMinute;
  const trpcHeaders = { ...SECURITY_HEADERS, "cache-control": "no-store" };

  const trpc = createTrpcHandler({
    router: appRouter,
    maxBatchSize: opts.maxBatchSize ?? 10,
    maxBodyBytes: opts.maxBodyBytes ?? 8 * 1024 * 1024,
    allowedOrigins: opts.allowedOrigins ?? allowedOriginsFromEnv(),
    baseHeaders: trpcHeaders,
    createContext: (req, setCookie) =>
      contextFor({ req, ip: clientIp(req, trustProxy), requestId: randomUUID(), setCookie }),
    onError({ path, error }) {
      if (error.code !== "INTERNAL_SERVER_ERROR") return;
      // Never the message of a database error: drizzle puts SQL text and parameters in it.
      const sqlstate = dbErrorCode(error.cause);
      const what = sqlstate ? `db error ${sqlstate}` : `${error.cause?.name ?? "Error"}: ${error.cause?.message ?? error.message}`;
      console.error(`[trpc] ${path} failed: ${what}`);
    },
  });
  const admin = createSpaHandler(
    { prefix: "/", root: opts.adminDist ?? resolve(repoRoot, "apps/admin/dist"), label: "管理端", workspace: "@lingong/admin" },
    SECURITY_HEADERS,
  );
  const dashboard = createSpaHandler(
    {
      prefix: "/dashboard/",
      root: opts.dashboardDist ?? resolve(repoRoot, "apps/dashboard/dist"),
      label: "数据看板",
      workspace: "@lingong/dashboard",
    },
    SECURITY_HEADERS,
  );

  async function healthz(res: ServerResponse) {
    try {
      await db.execute(sql`select 1`);
      res.writeHead(200, { ...trpcHeaders, "content-type": "application/json" });
      res.end('{"ok":true,"db":"up"}');
    } catch {
      res.writeHead(503, { ...trpcHeaders, "content-type": "application/json" });
      res.end('{"ok":false,"db":"down"}');
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse, pathname: string, query: string) {
    if (pathname.startsWith("/trpc/")) return trpc(req, res, pathname.slice(6), query);
    if (pathname === "/healthz") return healthz(res);
    if (pathname === "/dashboard") {
      res.writeHead(301, { ...SECURITY_HEADERS, location: "/dashboard/" });
      res.end();
      return;
    }
    if (pathname.startsWith("/dashboard/")) return dashboard(req, res, pathname);
    return admin(req, res, pathname);
  }

  function handler(req: IncomingMessage, res: ServerResponse) {
    const start = log ? performance.now() : 0;
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const pathname = q < 0 ? url : url.slice(0, q);
    const query = q < 0 ? "" : url.slice(q + 1);
    if (log) {
      res.once("finish", () => {
        // Path only: query strings may carry personal data (tRPC GET input).
        console.log(`${req.method} ${pathname} ${res.statusCode} ${(performance.now() - start).toFixed(1)}ms`);
      });
    }
    route(req, res, pathname, query).catch((err: unknown) => {
      console.error(`[http] ${req.method} ${pathname} failed: ${dbErrorCode(err) ?? (err as Error)?.name}`);
      if (!res.headersSent) {
        res.writeHead(500, { ...SECURITY_HEADERS, "content-type": "text/plain; charset=utf-8" });
      }
      res.end();
    });
  }

  const server = createHttpServer({ keepAliveTimeout: 65_000 }, handler);
  return {
    server,
    handler,
    listen(port = 0, host = "127.0.0.1") {
      return new Promise((resolveUrl, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const addr = server.address() as AddressInfo;
          const h = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
          resolveUrl(`http://${h === "0.0.0.0" ? "localhost" : h}:${addr.port}`);
        });
      });
    },
    close() {
      return new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      });
    },
  };
}
