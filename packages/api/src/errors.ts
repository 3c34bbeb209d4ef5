/**
 * Errors the API shows to people. Domain code throws `DomainError` with a Chinese message (and
 * optionally the input field it is about); database errors are translated by `mapDbError`, which
 * never lets SQL text or parameters through (drizzle wraps driver errors as
 * "Failed query: … params: …", egapro#4001 — only the driver's code and constraint are read).
 */
export type DomainErrorCode =
  | "BAD_REQUEST"
  | "NOT_FOUND"
  | "CONFLICT"
  | "FORBIDDEN"
  | "UNAUTHORIZED"
  | "PRECONDITION_FAILED"
  | "TOO_MANY_REQUESTS";

export class DomainError extends Error {
  override readonly name = "DomainError";
  readonly code: DomainErrorCode;
  readonly field: string | undefined;
  readonly messageEn: string | undefined;

  constructor(code: DomainErrorCode, message: string, opts: { field?: string; messageEn?: string } = {}) {
    super(message);
    this.code = code;
    this.field = opts.field;
    this.messageEn = opts.messageEn;
  }
}

export const notFound = (what = "记录", field?: string) =>
  new DomainError("NOT_FOUND", `${what}不存在`, { messageEn: "Not found", ...(field ? { field } : {}) });

export const forbidden = (message = "无权执行此操作") =>
  new DomainError("FORBIDDEN", message, { messageEn: "Forbidden" });

export interface ConstraintMessage {
  code: DomainErrorCode;
  message: string;
  field?: string;
  messageEn?: string;
}

const constraintMessages = new Map<string, ConstraintMessage>();

/**
 * Gives a named constraint a clear message and the input field it concerns, e.g.
 * `registerConstraintMessage('dispatches_no_overlap', { code: 'CONFLICT', message: '该零工在此时间段已有派工', field: 'workerId' })`.
 * Call it at module level in the schema or router file that owns the constraint.
 */
export function registerConstraintMessage(constraint: string, msg: ConstraintMessage): void {
  constraintMessages.set(constraint, msg);
}

/** The driver error (postgres.js PostgresError or PGlite DatabaseError) behind a drizzle wrapper. */
interface DriverError {
  code: string;
  constraint?: string;
  column?: string;
  detail?: string;
}

function driverError(err: unknown): DriverError | null {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e && typeof e === "object"; depth++) {
    const o = e as Record<string, unknown>;
    if (typeof o.code === "string" && /^[0-9A-Z]{5}$/.test(o.code) && !(e instanceof DomainError)) {
      const str = (v: unknown) => (typeof v === "string" ? v : undefined);
      const out: DriverError = { code: o.code };
      const constraint = str(o.constraint_name) ?? str(o.constraint);
      const column = str(o.column_name) ?? str(o.column);
      const detail = str(o.detail);
      if (constraint) out.constraint = constraint;
      if (column) out.column = column;
      if (detail) out.detail = detail;
      return out;
    }
    e = o.cause;
  }
  return null;
}

/** SQLSTATE of a database error (unwrapping drizzle's wrapper), or null. */
export function dbErrorCode(err: unknown): string | null {
  return driverError(err)?.code ?? null;
}

/** Name of the constraint a database error is about, or null. */
export function dbErrorConstraint(err: unknown): string | null {
  return driverError(err)?.constraint ?? null;
}

/** Serialization failures and deadlocks: the transaction should simply run again. */
export function isRetryableDbError(err: unknown): boolean {
  const code = dbErrorCode(err);
  return code === "40001" || code === "40P01";
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function withField(msg: Omit<ConstraintMessage, "field">, field: string | undefined): DomainError {
  return new DomainError(msg.code, msg.message, {
    ...(field ? { field } : {}),
    ...(msg.messageEn ? { messageEn: msg.messageEn } : {}),
  });
}

/**
 * Translates a database error into a `DomainError`; returns null when `err` is not a database
 * error. Unknown database errors become null too (the caller reports them as internal errors).
 */
export function mapDbError(err: unknown): DomainError | null {
  const d = driverError(err);
  if (!d) return null;
  if (d.constraint) {
    const registered = constraintMessages.get(d.constraint);
    if (registered) return withField(registered, registered.field);
  }
  const field = d.column ? camel(d.column) : undefined;
  const c = d.code;
  if (c === "23505")
    return withField({ code: "CONFLICT", message: "与已有记录重复", messageEn: "Duplicate record" }, field);
  if (c === "23P01")
    return withField({ code: "CONFLICT", message: "与已有记录冲突（时间重叠）", messageEn: "Conflicts with an existing record" }, field);
  if (c === "23503") {
    if (d.detail?.includes("still referenced"))
      return withField({ code: "BAD_REQUEST", message: "该记录仍被其他记录引用，不能删除", messageEn: "Record is still referenced" }, field);
    return withField({ code: "NOT_FOUND", message: "引用的记录不存在", messageEn: "Referenced record not found" }, field);
  }
  if (c === "23514")
    return withField({ code: "BAD_REQUEST", message: "数据不符合规则", messageEn: "Value violates a rule" }, field);
  if (c === "23502")
    return withField({ code: "BAD_REQUEST", message: "缺少必填项", messageEn: "Required value missing" }, field);
  if (c.startsWith("22"))
    return withField({ code: "BAD_REQUEST", message: "输入数据格式或范围不正确", messageEn: "Invalid value" }, field);
  if (c === "40001" || c === "40P01")
    return new DomainError("CONFLICT", "系统繁忙，操作冲突，请重试", { messageEn: "Concurrent update, please retry" });
  if (c === "42501")
    return new DomainError("FORBIDDEN", "数据库拒绝了此操作", { messageEn: "Operation refused by the database" });
  return null;
}
