/** What the counter shows for a failed call: the server's Chinese message and the field it names. */
export interface ErrorInfo {
  message: string;
  /** Form field path named by the server (`err.data.field`), e.g. `["trades", 0, "grade"]`. */
  field?: (string | number)[];
  code?: string;
}

const NETWORK_MESSAGE = "网络连接失败，请检查网络后重试";
const GENERIC_MESSAGE = "操作失败，请稍后重试";

/** Turns `residentId`, `trades.0.grade` or `["trades",0]` into an antd name path. */
export function fieldPath(field: unknown): (string | number)[] | undefined {
  const parts = Array.isArray(field) ? field : typeof field === "string" && field !== "" ? field.split(".") : undefined;
  if (!parts || parts.length === 0) return undefined;
  return parts.map((p) => (typeof p === "number" ? p : /^\d+$/.test(String(p)) ? Number(p) : String(p)));
}

/** Reads a tRPC client error (or anything thrown) into a message and an optional field. */
export function errorInfo(err: unknown): ErrorInfo {
  if (err && typeof err === "object") {
    const e = err as { message?: unknown; data?: { field?: unknown; code?: unknown } | null; name?: unknown };
    const raw = typeof e.message === "string" ? e.message : "";
    const code = typeof e.data?.code === "string" ? e.data.code : undefined;
    const field = fieldPath(e.data?.field);
    let message = raw;
    if (!raw || /Failed to fetch|NetworkError|fetch failed|Load failed/i.test(raw)) message = NETWORK_MESSAGE;
    else if (/^Unexpected token|JSON/.test(raw)) message = GENERIC_MESSAGE;
    const info: ErrorInfo = { message };
    if (field) info.field = field;
    if (code) info.code = code;
    return info;
  }
  return { message: typeof err === "string" && err ? err : GENERIC_MESSAGE };
}
