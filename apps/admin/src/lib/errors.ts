/** What the counter shows for a failed call: the server's message (Chinese, or its English twin on the English screen) and the field it names. */
export interface ErrorInfo {
  message: string;
  /** Form field path named by the server (`err.data.field`), e.g. `["trades", 0, "grade"]`. */
  field?: (string | number)[];
  code?: string;
}

const NETWORK_MESSAGE = { zh: "网络连接失败，请检查网络后重试", en: "Network error; check the connection and try again" };
const GENERIC_MESSAGE = { zh: "操作失败，请稍后重试", en: "Something went wrong; please try again" };

/** Turns `residentId`, `trades.0.grade` or `["trades",0]` into an antd name path. */
export function fieldPath(field: unknown): (string | number)[] | undefined {
  const parts = Array.isArray(field) ? field : typeof field === "string" && field !== "" ? field.split(".") : undefined;
  if (!parts || parts.length === 0) return undefined;
  return parts.map((p) => (typeof p === "number" ? p : /^\d+$/.test(String(p)) ? Number(p) : String(p)));
}

/**
 * Reads a tRPC client error (or anything thrown) into a message and an optional field. With
 * `lang` "en" the server's `messageEn` is shown where it sent one, else its Chinese message.
 */
export function errorInfo(err: unknown, lang: "zh" | "en" = "zh"): ErrorInfo {
  if (err && typeof err === "object") {
    const e = err as { message?: unknown; data?: { field?: unknown; code?: unknown; messageEn?: unknown } | null; name?: unknown };
    const raw = typeof e.message === "string" ? e.message : "";
    const code = typeof e.data?.code === "string" ? e.data.code : undefined;
    const field = fieldPath(e.data?.field);
    const en = lang === "en" && typeof e.data?.messageEn === "string" && e.data.messageEn !== "" ? e.data.messageEn : null;
    let message = en ?? raw;
    if (!raw || /Failed to fetch|NetworkError|fetch failed|Load failed/i.test(raw)) message = NETWORK_MESSAGE[lang];
    else if (/^Unexpected token|JSON/.test(raw)) message = GENERIC_MESSAGE[lang];
    const info: ErrorInfo = { message };
    if (field) info.field = field;
    if (code) info.code = code;
    return info;
  }
  return { message: typeof err === "string" && err ? err : GENERIC_MESSAGE[lang] };
}
