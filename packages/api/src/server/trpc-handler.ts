import type { IncomingMessage, ServerResponse } from "node:http";
import type { AnyProcedure, AnyRouter } from "@trpc/server";
import {
  getErrorShape,
  getHTTPStatusCode,
  getTRPCErrorFromUnknown,
  TRPCError,
} from "@trpc/server/unstable-core-do-not-import";
import type { Context } from "../trpc.ts";
import { isJsonContentType, originAllowed } from "./security.ts";

export interface TrpcHandlerOptions {
  router: AnyRouter;
  createContext(req: IncomingMessage, setCookie: (c: string) => void): Promise<Context>;
  maxBatchSize: number;
  maxBodyBytes: number;
  allowedOrigins: readonly string[];
  baseHeaders: Readonly<Record<string, string>>;
  onError?(info: { path: string; error: TRPCError }): void;
}

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: TRPCError["code"],
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? "0");
    if (declared > limit) {
      reject(new HttpFailure(413, "PAYLOAD_TOO_LARGE", "请求内容过大"));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new HttpFailure(413, "PAYLOAD_TOO_LARGE", "请求内容过大"));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(chunks.length === 1 ? (chunks[0] as Buffer).toString("utf8") : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * A lean tRPC-over-HTTP handler speaking the same wire format as tRPC's fetch/node adapters
 * (httpLink, httpBatchLink; no transformer), without building Fetch Request/Response objects per
 * request. The standalone adapter reached ~15% of a bare node:http handler's throughput; this
 * one does a URL split, one JSON.parse, the procedure call and one JSON.stringify.
 *
 * Rules enforced here: GET only for queries; POST for mutations and for queries that carry
 * personal lookups (method override, so no ID number or phone lands in a URL); POST bodies must
 * be application/json and mutations need an allowed Origin/Referer (CSRF); at most
 * `maxBatchSize` calls per batch; bodies over `maxBodyBytes` are refused.
 */
export function createTrpcHandler(opts: TrpcHandlerOptions) {
  const procedures = opts.router._def.procedures as Record<string, AnyProcedure | undefined>;
  const config = opts.router._def._config;

  // Built once: the common case (no cookie to set) writes the same header object every time.
  const jsonHeaders: Readonly<Record<string, string>> = { ...opts.baseHeaders, "content-type": "application/json" };
  const send = (res: ServerResponse, status: number, body: string, cookies: string[]) => {
    res.writeHead(status, cookies.length ? { ...jsonHeaders, "set-cookie": cookies } : jsonHeaders);
    res.end(body);
  };

  const failure = (res: ServerResponse, f: HttpFailure, path: string) => {
    const error = new TRPCError({ code: f.code, message: f.message });
    const shape = getErrorShape({ config, error, type: "unknown", path, input: undefined, ctx: undefined });
    send(res, f.status, JSON.stringify({ error: shape }), []);
  };

  return async function handleTrpc(req: IncomingMessage, res: ServerResponse, rawPath: string, query: string) {
    let pathStr = "";
    try {
      pathStr = decodeURIComponent(rawPath);
      const params = new URLSearchParams(query);
      const isBatch = params.get("batch") === "1";
      if (isBatch) {
        let commas = 0;
        for (let i = 0; i < pathStr.length && commas < opts.maxBatchSize; i++) if (pathStr.charCodeAt(i) === 44) commas++;
        if (commas >= opts.maxBatchSize) throw new HttpFailure(400, "BAD_REQUEST", `批量请求最多 ${opts.maxBatchSize} 个`);
      }
      const paths = isBatch ? pathStr.split(",") : [pathStr];
      const method = req.method ?? "GET";
      if (method !== "GET" && method !== "POST") throw new HttpFailure(405, "METHOD_NOT_SUPPORTED", "不支持的请求方法");

      const procs = paths.map((p) => procedures[p]);
      const hasMutation = procs.some((p) => p?._def.type === "mutation");
      if (procs.some((p) => p?._def.type === "subscription")) throw new HttpFailure(405, "METHOD_NOT_SUPPORTED", "不支持订阅");

      let rawInput: unknown = undefined;
      if (method === "GET") {
        if (hasMutation) throw new HttpFailure(405, "METHOD_NOT_SUPPORTED", "修改操作只能用 POST");
        if (procs.some((p) => (p?._def.meta as { postOnly?: boolean } | undefined)?.postOnly)) {
          throw new HttpFailure(405, "METHOD_NOT_SUPPORTED", "含个人信息的查询只能用 POST");
        }
        const input = params.get("input");
        if (input !== null) rawInput = JSON.parse(input);
      } else {
        if (!isJsonContentType(req)) throw new HttpFailure(403, "FORBIDDEN", "请求须为 application/json");
        if (hasMutation && !originAllowed(req, opts.allowedOrigins)) {
          throw new HttpFailure(403, "FORBIDDEN", "请求来源不被允许");
        }
        const body = await readBody(req, opts.maxBodyBytes);
        if (body.length > 0) rawInput = JSON.parse(body);
      }

      const cookies: string[] = [];
      const ctx = await opts.createContext(req, (c) => cookies.push(c));
      const results = await Promise.all(
        paths.map(async (path, i) => {
          const proc = procs[i];
          const input = isBatch ? (rawInput as Record<string, unknown> | undefined)?.[String(i)] : rawInput;
          try {
            if (!proc) throw new TRPCError({ code: "NOT_FOUND", message: `没有这个接口：${path}` });
            const data: unknown = await proc({
              ctx,
              path,
              type: proc._def.type,
              getRawInput: async () => input,
              signal: undefined,
              batchIndex: i,
            });
            return { result: { data } };
          } catch (cause) {
            const error = getTRPCErrorFromUnknown(cause);
            opts.onError?.({ path, error });
            return { error: getErrorShape({ config, error, type: proc?._def.type ?? "unknown", path, input, ctx }) };
          }
        }),
      );
      const status = getHTTPStatusCode(results as Parameters<typeof getHTTPStatusCode>[0]);
      send(res, status, JSON.stringify(isBatch ? results : results[0]), cookies);
    } catch (err) {
      if (res.headersSent) return;
      if (err instanceof HttpFailure) return failure(res, err, pathStr);
      if (err instanceof SyntaxError || err instanceof URIError) {
        return failure(res, new HttpFailure(400, "PARSE_ERROR", "请求内容不是有效的 JSON"), pathStr);
      }
      opts.onError?.({ path: pathStr, error: getTRPCErrorFromUnknown(err) });
      return failure(res, new HttpFailure(500, "INTERNAL_SERVER_ERROR", "服务器内部错误"), pathStr);
    }
  };
}
