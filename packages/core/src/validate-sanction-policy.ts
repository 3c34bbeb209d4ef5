import { isIntIn, isLabel, isObject, isVersion } from "./policy-checks.ts";
import { notAnObject, policyProblemList } from "./policy-problems.ts";
import type { PartNames, PolicyProblem } from "./policy-problems.ts";
import { SANCTION_STEPS } from "./sanction-policy.ts";

const SANCTION_PART_NAMES: PartNames = {
  ladder: { zh: "处分阶梯", en: "Sanction ladder" },
  labels: { zh: "各级处分名称", en: "Step names" },
  criticism: { zh: "内部通报批评", en: "Internal criticism" },
  yellow_card: { zh: "黄牌警告", en: "Yellow-card warning" },
  star_demotion: { zh: "降低星级", en: "Star demotion" },
  probation: { zh: "候场查看", en: "Probation" },
  expulsion: { zh: "逐出市场", en: "Expulsion" },
  events: { zh: "违规事项", en: "Offences" },
  no_show: { zh: "无故爽约", en: "No-show" },
  late_cancellation: { zh: "临时取消", en: "Late cancellation" },
  upheld_complaint: { zh: "投诉成立", en: "Upheld complaint" },
  malicious_work: { zh: "恶意施工", en: "Malicious work" },
  wage_fraud: { zh: "骗取劳务报酬", en: "Wage fraud" },
  startStep: { zh: "首次处分", en: "First step" },
  allowSkip: { zh: "可越级处分", en: "May skip steps" },
  expiryDays: { zh: "处分计入天数", en: "Days a sanction counts" },
  probationDays: { zh: "候场查看天数", en: "Days of probation" },
  gradeChange: { zh: "降星", en: "Star change" },
  mediaExposure: { zh: "可考虑曝光", en: "Media exposure" },
  minStep: { zh: "最低处分", en: "Lowest step" },
};

const TOP: (typeof SANCTION_STEPS)[number] = "expulsion";
const isStep = (v: unknown): boolean => typeof v === "string" && SANCTION_STEPS.includes(v as never);

/**
 * Problems with a sanction policy a market publishes (empty when it is sound), each with its field's
 * path and Chinese and English text naming it. Checks every field `decideSanction`, `standingOf` and
 * `appealOutcome` read: the ladder orders every step once with expulsion on top (history keeps the
 * steps already imposed, and the API treats `expulsion` and `probation` by name), each step has a
 * name, an expiry of at least one day and a star change of 0 or -1; every offence starts at a step
 * of the ladder; media exposure names offences the policy defines. Probation may not outlast the
 * time it counts, or a worker would stay barred after the sanction stopped counting.
 */
export function validateSanctionPolicy(policy: unknown): PolicyProblem[] {
  if (!isObject(policy)) return notAnObject();
  const out = policyProblemList(SANCTION_PART_NAMES);
  if (!isVersion(policy.version)) out.text("version", 50);

  const ladder = policy.ladder;
  const sound =
    Array.isArray(ladder) && ladder.length === SANCTION_STEPS.length && SANCTION_STEPS.every((s) => ladder.includes(s)) && ladder[ladder.length - 1] === TOP;
  if (!sound) out.ladder("ladder", SANCTION_STEPS, TOP);

  // Each step's entry in a map keyed by step.
  const perStep = (field: string, check: (v: unknown, at: string) => void) => {
    const m = policy[field];
    if (!isObject(m)) return out.missing(field);
    for (const s of SANCTION_STEPS) check(Object.hasOwn(m, s) ? m[s] : undefined, `${field}.${s}`);
  };
  perStep("labels", (v, at) => (v === undefined ? out.missing(at) : isLabel(v) ? undefined : out.label(at)));
  perStep("expiryDays", (v, at) => (isIntIn(v, 1, 3650) ? undefined : out.intRange(at, 1, 3650)));
  perStep("gradeChange", (v, at) => (v === 0 || v === -1 ? undefined : out.oneOf(at, ["0", "-1"])));
  if (!isIntIn(policy.probationDays, 1, 3650)) out.intRange("probationDays", 1, 3650);
  else {
    const expiry = isObject(policy.expiryDays) && Object.hasOwn(policy.expiryDays, "probation") ? policy.expiryDays.probation : undefined;
    if (isIntIn(expiry, 1, 3650) && policy.probationDays > expiry) out.above("probationDays", "expiryDays.probation");
  }

  const events = isObject(policy.events) ? policy.events : undefined;
  const keys = events === undefined ? [] : Object.keys(events);
  if (events === undefined) out.missing("events");
  else if (keys.length === 0 || keys.length > 50) out.items("events", 1, 50);
  for (const k of events === undefined ? [] : keys) {
    const e = events?.[k];
    const at = `events.${k}`;
    if (!isObject(e)) {
      out.missing(at);
      continue;
    }
    if (!isLabel(e.label)) out.label(`${at}.label`);
    if (!isStep(e.startStep)) out.oneOf(`${at}.startStep`, SANCTION_STEPS);
    if (typeof e.allowSkip !== "boolean") out.boolean(`${at}.allowSkip`);
  }

  const media = policy.mediaExposure;
  if (!isObject(media)) out.missing("mediaExposure");
  else {
    const list = media.events;
    if (!Array.isArray(list) || list.length > 50) out.notList("mediaExposure.events", 50);
    else
      Array.from(list).forEach((k: unknown, i) => {
        const at = `mediaExposure.events.${i}`;
        if (typeof k !== "string" || events === undefined || !Object.hasOwn(events, k)) out.unknownRef(at, "events");
        else if (list.indexOf(k) < i) out.duplicate(at);
      });
    if (!isStep(media.minStep)) out.oneOf("mediaExposure.minStep", SANCTION_STEPS);
  }
  return out.list;
}
