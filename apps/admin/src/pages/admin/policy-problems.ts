import {
  DEFAULT_EMPLOYER_POLICY,
  validateEmployerPolicy,
  validateRewardPolicy,
  type EmployerEventType,
} from "@lingong/core";
import type { MessageKey } from "../../i18n/zh.ts";
import { REWARD_KIND_LABELS } from "../ops/labels.ts";

/** The kinds whose body core can check in the browser before it is sent. */
export type CheckedKind = "rewards" | "employer";

export function isCheckedKind(kind: string): kind is CheckedKind {
  return kind === "rewards" || kind === "employer";
}

/** What the translation needs of `useT()`: a message with `{name}`s filled in, and the reader's language. */
export interface Msg {
  f(key: MessageKey, vars: Record<string, string | number>): string;
  (key: MessageKey): string;
  lang: "zh" | "en";
}

// The reward policy's rule groups are the reward kinds the rest of the app already labels.
const REWARD_GROUPS: Record<string, string> = {
  commendation: "commendation",
  promotionRecommendation: "promotion_recommendation",
  freeTraining: "free_training",
  annualHonour: "annual_honour",
};

const FIELD_KEYS: Record<string, MessageKey> = {
  version: "adm.pol.versionId",
  z: "adm.pol.f.z",
  minJobs: "adm.pol.f.minJobs",
  minSatisfactionLb: "adm.pol.f.minSatisfactionLb",
  cooldownDays: "adm.pol.f.cooldownDays",
  maxUpheldComplaints: "adm.pol.f.maxUpheldComplaints",
  maxStars: "adm.pol.f.maxStars",
  minStars: "adm.pol.f.minStars",
  cleanDays: "adm.pol.f.cleanDays",
  events: "adm.pol.f.events",
  label: "adm.pol.f.label",
  warningAt: "adm.pol.f.warningAt",
  exclusionAt: "adm.pol.f.exclusionAt",
};

// Keys typed by the head reach these lookups: never read an inherited property such as "constructor".
const own = <V>(o: Record<string, V>, k: string): V | undefined => (Object.hasOwn(o, k) ? o[k] : undefined);

/** A JSON path such as `events.malicious_arrears.warningAt` as the head reads it: 恶意欠薪·警告起数. */
function fieldName(kind: CheckedKind, path: string, t: Msg): string {
  const parts = path.split(".");
  // "events.<type>..." names the event, not the container.
  const shown = kind === "employer" && parts[0] === "events" && parts.length > 1 ? parts.slice(1) : parts;
  return shown
    .map((seg) => {
      if (seg === "windowDays")
        return t(kind === "employer" ? "adm.pol.f.employerWindowDays" : "adm.pol.f.windowDays");
      const group = own(REWARD_GROUPS, seg);
      const groupLabel = group ? own(REWARD_KIND_LABELS, group) : undefined;
      if (kind === "rewards" && groupLabel) return t.lang === "en" ? groupLabel.en : groupLabel.zh;
      const event =
        kind === "employer" ? own(DEFAULT_EMPLOYER_POLICY.events, seg as EmployerEventType) : undefined;
      if (event) return t.lang === "en" ? event.label.en : event.label.zh;
      const key = own(FIELD_KEYS, seg);
      return key ? t(key) : seg;
    })
    .join(t.lang === "en" ? " › " : "·");
}

/** Core's wording after the field, in the reader's language (null: not a wording this screen knows). */
function condition(rest: string, t: Msg): string | null {
  let m: RegExpExecArray | null;
  if ((m = /^must be a non-empty string of at most (\d+) characters$/.exec(rest)))
    return t.f("adm.pol.p.text", { n: m[1] ?? "" });
  if ((m = /^must be an integer in (\d+)\.\.(\d+)$/.exec(rest)))
    return t.f("adm.pol.p.intRange", { a: m[1] ?? "", b: m[2] ?? "" });
  if ((m = /^must be a number in \(([^,]+), ([^\]]+)\]$/.exec(rest)))
    return t.f("adm.pol.p.numRange", { a: m[1] ?? "", b: m[2] ?? "" });
  if ((m = /^must be in ([\d.]+)\.\.([\d.]+)$/.exec(rest)))
    return t.f("adm.pol.p.between", { a: m[1] ?? "", b: m[2] ?? "" });
  if (rest === "must be a non-negative integer") return t.f("adm.pol.p.minInt", { n: 0 });
  if ((m = /^must be an integer >= (\d+)$/.exec(rest))) return t.f("adm.pol.p.minInt", { n: m[1] ?? "" });
  if (rest === "is missing") return t("adm.pol.p.missing");
  if (rest === "is out of range") return t("adm.pol.p.outOfRange");
  if (rest === "needs zh and en") return t("adm.pol.p.labelBoth");
  if (rest === "is not a known event type") return t("adm.pol.p.unknownEvent");
  if ((m = /^is below (\w+)$/.exec(rest))) {
    const key = own(FIELD_KEYS, m[1] ?? "");
    return t.f("adm.pol.p.below", { other: key ? t(key) : (m[1] ?? "") });
  }
  return null;
}

/**
 * Core's `validateRewardPolicy` / `validateEmployerPolicy` problems, each naming the field in the
 * reader's language and its JSON path (the head edits the JSON). Empty when core finds none. The
 * rules themselves stay in core: this only words what core reports.
 */
export function policyProblems(kind: CheckedKind, body: unknown, t: Msg): string[] {
  const problems = kind === "rewards" ? validateRewardPolicy(body) : validateEmployerPolicy(body);
  const what = t(kind === "rewards" ? "adm.policies.rewards" : "adm.policies.employer");
  return problems.map((p) => {
    if (p === "policy must be an object") return t("adm.pol.p.object");
    const space = p.indexOf(" ");
    const path = space > 0 ? p.slice(0, space) : "";
    const msg = space > 0 ? condition(p.slice(space + 1), t) : null;
    if (!msg) return t.f("adm.pol.p.other", { what, p });
    return t.f("adm.pol.p.line", { field: fieldName(kind, path, t), path, msg });
  });
}
