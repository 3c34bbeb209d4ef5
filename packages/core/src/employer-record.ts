import { addDays, dayNumber } from "./dates.ts";
import { notAnObject, policyProblemList } from "./policy-problems.ts";
import type { PartNames, PolicyProblem } from "./policy-problems.ts";
import { reason } from "./types.ts";
import type { IsoDate, Reason } from "./types.ts";

/** Confirmed employer misconduct (R10). */
export type EmployerEventType = "wage_arrears_confirmed" | "malicious_arrears" | "discriminatory_posting" | "false_information";

/** Employers' own ladder: none → 警告 → 清出市场. */
export type EmployerAction = "none" | "warning" | "exclusion";

export interface EmployerEventRule {
  label: { zh: string; en: string };
  /** Events of this type in the window that bring a warning ... */
  warningAt: number;
  /** ... and exclusion from the market. */
  exclusionAt: number;
}

export interface EmployerPolicy {
  version: string;
  /** Events older than this many days no longer count. */
  windowDays: number;
  events: Record<EmployerEventType, EmployerEventRule>;
}

/**
 * Qinshui's defaults (运营方案 四.4 公平就业): malicious wage arrears (恶意欠薪) warns on the first
 * confirmed case and excludes on the second within two years; other misconduct needs more cases.
 */
export const DEFAULT_EMPLOYER_POLICY: EmployerPolicy = {
  version: "qinshui-2023.1",
  windowDays: 730,
  events: {
    malicious_arrears: { label: { zh: "恶意欠薪", en: "Malicious wage arrears" }, warningAt: 1, exclusionAt: 2 },
    wage_arrears_confirmed: { label: { zh: "欠薪经核实（已调解）", en: "Confirmed wage arrears" }, warningAt: 2, exclusionAt: 4 },
    discriminatory_posting: { label: { zh: "发布歧视性招工信息", en: "Discriminatory job posting" }, warningAt: 1, exclusionAt: 3 },
    false_information: { label: { zh: "提供虚假用工信息", en: "False job information" }, warningAt: 1, exclusionAt: 3 },
  },
};

export interface EmployerRecordEvent {
  type: EmployerEventType;
  date: IsoDate;
  /** Overturned on appeal: ignored. */
  reversed?: boolean;
}

export interface EmployerActionDecision {
  action: EmployerAction;
  /** `exclusion:<event>`, `warning:<event>` or `none`. */
  rule: string;
  /** The day the action lapses unless new events arrive (absent for `none`). */
  reviewOn?: IsoDate;
  reasons: Reason[];
}

const RANK: Record<EmployerAction, number> = { none: 0, warning: 1, exclusion: 2 };

/**
 * R10: an employer's standing from its confirmed misconduct. Each event type has its own counts;
 * the most severe action any type reaches applies. Reversed events (appeal upheld) are ignored.
 * @throws RangeError for an unknown event type or an event dated after today.
 */
export function decideEmployerAction(policy: EmployerPolicy, input: { events: readonly EmployerRecordEvent[]; today: IsoDate }): EmployerActionDecision {
  const t = dayNumber(input.today);
  const byType = new Map<EmployerEventType, number[]>();
  input.events.forEach((e, i) => {
    if (!Object.hasOwn(policy.events, e.type) || policy.events[e.type] === undefined) throw new RangeError(`events[${i}].type: unknown event ${e.type}`);
    const d = dayNumber(e.date);
    if (d > t) throw new RangeError(`events[${i}].date ${e.date} is after today ${input.today}`);
    if (e.reversed === true || t - d >= policy.windowDays) return;
    byType.set(e.type, [...(byType.get(e.type) ?? []), d]);
  });

  let action: EmployerAction = "none";
  let rule = "none";
  let lapse = -Infinity;
  const reasons: Reason[] = [];
  for (const type of Object.keys(policy.events) as EmployerEventType[]) {
    const days = (byType.get(type) ?? []).sort((a, b) => a - b);
    if (days.length === 0) continue;
    const r = policy.events[type];
    const level: EmployerAction = days.length >= r.exclusionAt ? "exclusion" : days.length >= r.warningAt ? "warning" : "none";
    const threshold = level === "exclusion" ? r.exclusionAt : r.warningAt;
    reasons.push(
      reason("employer.events", `近 ${policy.windowDays} 天内${r.label.zh} ${days.length} 起`, `${days.length} × ${r.label.en} in ${policy.windowDays} days`, {
        type,
        count: days.length,
        warningAt: r.warningAt,
        exclusionAt: r.exclusionAt,
      }),
    );
    if (level === "none") continue;
    // The level holds until the oldest event still needed for the threshold leaves the window.
    const until = (days[days.length - threshold] ?? t) + policy.windowDays;
    if (RANK[level] > RANK[action]) {
      action = level;
      rule = `${level}:${type}`;
      lapse = until;
    } else if (level === action) {
      lapse = Math.max(lapse, until);
    }
  }
  const decision: EmployerActionDecision = { action, rule, reasons };
  if (action === "none") {
    reasons.push(reason("employer.none", "无需处理", "No action", { policyVersion: policy.version }));
    return decision;
  }
  decision.reviewOn = addDays(input.today, lapse - t);
  const text = action === "exclusion" ? ["清出市场，暂停发布用工需求", "Excluded from the market: no job orders accepted"] : ["给予警告", "Warning"];
  reasons.push(reason(`employer.${action}`, `${text[0]}（至 ${decision.reviewOn} 复查）`, `${text[1]} (review on ${decision.reviewOn})`, { rule, reviewOn: decision.reviewOn, policyVersion: policy.version }));
  return decision;
}

const EVENT_TYPES: readonly EmployerEventType[] = ["wage_arrears_confirmed", "malicious_arrears", "discriminatory_posting", "false_information"];

// Each event's rules are named by the event, in the default's words: a published label may be the broken part.
const EMPLOYER_PART_NAMES: PartNames = {
  windowDays: { zh: "事件计入天数", en: "Days an event counts" },
  ...Object.fromEntries(EVENT_TYPES.map((t) => [t, DEFAULT_EMPLOYER_POLICY.events[t].label])),
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Problems with an employer policy a market publishes (empty when it is sound), each with its field's
 * path and Chinese and English text naming it: every event type needs a label and thresholds with
 * 1 <= warningAt <= exclusionAt, since an unknown event would otherwise make decideEmployerAction throw.
 */
export function validateEmployerPolicy(policy: unknown): PolicyProblem[] {
  if (!isObject(policy)) return notAnObject();
  const p = policy;
  const out = policyProblemList(EMPLOYER_PART_NAMES);
  const posInt = (n: unknown, max: number): n is number => typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= max;
  if (typeof p.version !== "string" || p.version.trim() === "" || p.version.length > 50) out.text("version", 50);
  if (!posInt(p.windowDays, 3650)) out.intRange("windowDays", 1, 3650);
  const events = p.events;
  if (!isObject(events)) {
    out.missing("events");
    return out.list;
  }
  for (const type of EVENT_TYPES) {
    const r = events[type];
    const at = `events.${type}`;
    if (!isObject(r)) {
      out.missing(at);
      continue;
    }
    const label = isObject(r.label) ? r.label : undefined;
    if (typeof label?.zh !== "string" || typeof label.en !== "string" || !label.zh.trim()) out.label(`${at}.label`);
    if (!posInt(r.warningAt, 1000)) out.intRange(`${at}.warningAt`, 1, 1000);
    if (!posInt(r.exclusionAt, 1000)) out.intRange(`${at}.exclusionAt`, 1, 1000);
    else if (posInt(r.warningAt, 1000) && r.exclusionAt < r.warningAt) out.below(`${at}.exclusionAt`, "warningAt");
  }
  for (const k of Object.keys(events)) if (!EVENT_TYPES.includes(k as EmployerEventType)) out.unknownEvent(`events.${k}`);
  return out.list;
}
