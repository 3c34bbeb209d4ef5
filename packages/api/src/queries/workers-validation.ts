import { findTrade, isSkillGradeAllowed, normalizeMobile, parseResidentId, type ParsedResidentId, type SkillGrade } from "@lingong/core";
import { DomainError } from "../errors.ts";
import { badRequest, todayShanghai } from "./workforce-common.ts";

export interface TradeInput {
  code: string;
  skillGrade: SkillGrade;
  certificates: string[];
}

export interface RegisterInput {
  name: string;
  idNumber: string;
  phone: string;
  hukou?: string | undefined;
  homeAddress?: string | undefined;
  tempAddress?: string | undefined;
  townshipId?: string | undefined;
  trades: TradeInput[];
  workYears: number;
  workHistory?: string | undefined;
  hasVerifiedReferences?: boolean | undefined;
  consentVersion: string;
  consentGiven: boolean;
  source?: "counter" | "online" | "import" | "demo";
}

/** One problem with one input field: Chinese message first, English beside it. */
export interface FieldIssue {
  field: string;
  message: string;
  messageEn: string;
}
export const issueError = (i: FieldIssue) => new DomainError("BAD_REQUEST", i.message, { field: i.field, messageEn: i.messageEn });

/** Every problem of the trades against the core catalogue, each naming its field. */
export function tradeIssues(trades: TradeInput[]): FieldIssue[] {
  if (trades.length === 0) return [{ field: "trades", message: "请至少选择一个工种", messageEn: "Choose at least one trade" }];
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  trades.forEach((t, i) => {
    const trade = findTrade(t.code);
    if (!trade) {
      issues.push({ field: `trades.${i}.code`, message: `工种“${t.code}”不在目录中`, messageEn: "Unknown trade" });
      return;
    }
    if (seen.has(t.code)) issues.push({ field: `trades.${i}.code`, message: `工种“${trade.zh}”重复`, messageEn: "Duplicate trade" });
    seen.add(t.code);
    if (!isSkillGradeAllowed(t.code, t.skillGrade)) {
      issues.push({ field: `trades.${i}.skillGrade`, message: `工种“${trade.zh}”没有该技术等级`, messageEn: "Skill grade not available for this trade" });
    }
  });
  return issues;
}

/** Checks trades against the core catalogue; the error names the field. */
export function validateTrades(trades: TradeInput[]): void {
  const [first] = tradeIssues(trades);
  if (first) throw issueError(first);
}

/** Parses the ID number (GB 11643); BAD_REQUEST naming `idNumber` with core's Chinese message. */
export function parseIdNumberOrThrow(idNumber: string, today = todayShanghai()) {
  const parsed = parseResidentId(idNumber, { today });
  if (!parsed.ok) throw new DomainError("BAD_REQUEST", parsed.error.zh, { field: "idNumber", messageEn: parsed.error.en });
  return parsed;
}

export function normalizePhoneOrThrow(phone: string, field = "phone"): string {
  const p = normalizeMobile(phone);
  if (!p) throw badRequest("手机号格式不正确（应为 11 位大陆手机号）", field, "Not a mainland mobile number");
  return p;
}

export interface RegistrationCheck {
  issues: FieldIssue[];
  /** The parsed ID number when it is valid (even if other fields are not). */
  id: ParsedResidentId | null;
  /** The normalized mobile number when it is valid. */
  phone: string | null;
}

/**
 * Everything registration checks without the database, all problems at once: consent (A3), the ID
 * number (GB 11643, via core), the mainland mobile number and the trades with their skill grades.
 * `registerWorker` throws the first issue; the sheet import reports them all per row.
 */
export function checkRegistration(
  input: Pick<RegisterInput, "idNumber" | "phone" | "trades" | "consentVersion" | "consentGiven">,
  today = todayShanghai(),
): RegistrationCheck {
  const issues: FieldIssue[] = [];
  if (input.consentGiven !== true || !input.consentVersion) {
    issues.push({ field: "consentGiven", message: "未取得本人同意，不能登记（请让本人阅读并同意个人信息处理告知）", messageEn: "Consent is required" });
  }
  const id = parseResidentId(input.idNumber, { today });
  if (!id.ok) issues.push({ field: "idNumber", message: id.error.zh, messageEn: id.error.en });
  const phone = normalizeMobile(input.phone);
  if (!phone) issues.push({ field: "phone", message: "手机号格式不正确（应为 11 位大陆手机号）", messageEn: "Not a mainland mobile number" });
  issues.push(...tradeIssues(input.trades));
  return { issues, id: id.ok ? id : null, phone };
}
