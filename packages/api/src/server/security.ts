import type { IncomingMessage } from "node:http";

/**
 * Sent on every response. antd injects its styles at runtime, hence 'unsafe-inline' for styles
 * only; scripts come from the server alone (checklist C22: object-src 'none').
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

/** Extra origins allowed to send mutations (comma-separated `LINGONG_ALLOWED_ORIGINS`). */
export function allowedOriginsFromEnv(): string[] {
  return (process.env.LINGONG_ALLOWED_ORIGINS ?? "")
    .split(",")
    .map((s) => s.trim().replace(/\/$/, ""))
    .filter(Boolean);
}

function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/**
 * CSRF check for state-changing requests (checklist C18, trpc#5522): the Origin (or, failing
 * that, the Referer) must be this server's own host or an allow-listed origin. Requests without
 * either are refused, so non-browser clients send `Origin: <server URL>`.
 */
export function originAllowed(req: IncomingMessage, extra: readonly string[]): boolean {
  const origin = typeof req.headers.origin === "string" && req.headers.origin !== "null" ? req.headers.origin : null;
  const claimed = origin ?? (typeof req.headers.referer === "string" ? originOf(req.headers.referer) : null);
  if (!claimed) return false;
  const host = req.headers.host;
  if (host) {
    const h = originOf(claimed);
    if (h && (h === `http://${host}` || h === `https://${host}`)) return true;
  }
  return extra.includes(claimed.replace(/\/$/, ""));
}

/** True for `application/json` (with or without parameters such as charset). */
export function isJsonContentType(req: IncomingMessage): boolean {
  const ct = req.headers["content-type"];
  if (typeof ct !== "string") return false;
  const base = ct.split(";", 1)[0]?.trim().toLowerCase();
  return base === "application/json";
}

/** The client address; X-Forwarded-For only when LINGONG_TRUST_PROXY=1 (behind our own proxy). */
export function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const xff = req.headers["x-forwarded-for"];
    const first = typeof xff === "string" ? xff.split(",")[0]?.trim() : undefined;
    if (first) return first;
  }
  return req.socket.remoteAddress ?? "unknown";
}
