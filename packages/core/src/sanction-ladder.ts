import { addDays, dayNumber } from "./dates.ts";
import type { WorkerStatus } from "./grading-policy.ts";
import type { SanctionPolicy, SanctionStep } from "./sanction-policy.ts";
import { reason } from "./types.ts";
import type { IsoDate, Reason } from "./types.ts";

/** A sanction on a worker's record. */
export interface SanctionHistoryEntry {
  step: SanctionStep;
  date: IsoDate;
  /** Overturned on appeal: it never counts again. */
  reversed?: boolean;
  /** Ended early (e.g. record repaired); otherwise it expires `expiryDays[step]` after `date`. */
  expired?: boolean;
  /** Probation end date when it differs from `date + probationDays`. */
  endDate?: IsoDate;
}

export interface SanctionDecision {
  step: SanctionStep;
  label: { zh: string; en: string };
  /** Last day before the probation ends (the worker may be dispatched again on this day). */
  endDate?: IsoDate;
  /** The day the sanction stops counting. */
  expiresOn: IsoDate;
  gradeChange: 0 | -1;
  /** Which rule fired: `first_offence:<event>`, `escalate_from_active:<step>`, `severity_skip:<event>` or `top_of_ladder`. */
  rule: string;
  mediaExposureEligible: boolean;
  reasons: Reason[];
}

export interface Standing {
  status: WorkerStatus;
  /** Steps of the active sanctions, mildest first (one entry per sanction). */
  activeSteps: SanctionStep[];
  probationEndsOn?: IsoDate;
  expelledUntil?: IsoDate;
  reasons: Reason[];
}

function stepIndex(policy: SanctionPolicy, step: SanctionStep): number {
  const i = policy.ladder.indexOf(step);
  if (i < 0) throw new RangeError(`step ${step} is not on the ladder`);
  return i;
}

/** True when the entry counts today: not reversed, not expired, dated on or before today. */
export function isSanctionActive(policy: SanctionPolicy, entry: SanctionHistoryEntry, today: IsoDate): boolean {
  if (entry.reversed === true || entry.expired === true) return false;
  const start = dayNumber(entry.date);
  const t = dayNumber(today);
  return start <= t && t < start + policy.expiryDays[entry.step];
}

function probationEnd(policy: SanctionPolicy, e: SanctionHistoryEntry): IsoDate {
  return e.endDate ?? addDays(e.date, policy.probationDays);
}

/**
 * M8/R10: the sanction for a recorded offence. A repeat escalates one step above the highest
 * ACTIVE sanction; expired or reversed entries do not count. A first offence starts at the event's
 * `startStep` only when the event may skip steps; expulsion is the top.
 * @throws RangeError for an unknown event type or an event dated after today.
 */
export function decideSanction(
  policy: SanctionPolicy,
  input: { event: { type: string; date: IsoDate }; history: readonly SanctionHistoryEntry[]; today: IsoDate },
): SanctionDecision {
  const { event, history, today } = input;
  // Own keys only: an offence named like a built-in ("constructor") is unknown, not Object's.
  const rule = Object.hasOwn(policy.events, event.type) ? policy.events[event.type] : undefined;
  if (rule === undefined) throw new RangeError(`event.type: unknown offence ${event.type}`);
  if (dayNumber(event.date) > dayNumber(today)) throw new RangeError(`event.date ${event.date} is after today ${today}`);
  const top = policy.ladder.length - 1;
  const active = history.filter((e) => isSanctionActive(policy, e, today));
  const ignored = history.length - active.length;
  const highest = active.reduce((h, e) => Math.max(h, stepIndex(policy, e.step)), -1);
  const start = stepIndex(policy, rule.startStep);
  const next = Math.min(highest + 1, top);

  let index: number;
  let fired: string;
  if (highest === top) {
    index = top;
    fired = "top_of_ladder";
  } else if (rule.allowSkip && start > next) {
    index = start;
    fired = highest < 0 ? `first_offence:${event.type}` : `severity_skip:${event.type}`;
  } else {
    index = next;
    fired = highest < 0 ? `first_offence:${event.type}` : `escalate_from_active:${policy.ladder[highest]}`;
  }
  const step = policy.ladder[index] as SanctionStep;
  const label = policy.labels[step];
  const reasons: Reason[] = [
    reason("sanction.event", `记录事项：${rule.label.zh}（${event.date}）`, `Recorded offence: ${rule.label.en} (${event.date})`, { event: event.type, date: event.date }),
  ];
  if (active.length > 0) {
    const steps = active.map((e) => policy.labels[e.step].zh).join("、");
    reasons.push(reason("sanction.active_history", `有效期内的处分：${steps}`, `Active sanctions: ${active.map((e) => e.step).join(", ")}`, { active: active.length, highest: policy.ladder[highest] ?? null }));
  }
  if (ignored > 0) {
    reasons.push(reason("sanction.ignored_history", `${ignored} 条已撤销或已过期的处分不计入`, `${ignored} reversed or expired sanctions do not count`, { ignored }));
  }
  const why: Record<string, [string, string]> = {
    top_of_ladder: ["已处于最高处分（逐出市场），维持", "Already at the top of the ladder"],
    first: [`首次违规，按规定给予${label.zh}`, `First offence: ${label.en}`],
    skip: [`情节严重，直接给予${label.zh}`, `Severe offence: straight to ${label.en}`],
    escalate: [`在${policy.labels[policy.ladder[highest] ?? step].zh}有效期内再次违规，升级为${label.zh}`, `Repeat while ${policy.ladder[highest] ?? ""} is active: escalated to ${label.en}`],
  };
  const key = fired === "top_of_ladder" ? "top_of_ladder" : fired.startsWith("first_offence") ? "first" : fired.startsWith("severity_skip") ? "skip" : "escalate";
  const [zh, en] = why[key] ?? ["", ""];
  reasons.push(reason(`sanction.${key}`, zh, en, { step, rule: fired, policyVersion: policy.version }));

  const expiresOn = addDays(today, policy.expiryDays[step]);
  reasons.push(reason("sanction.expiry", `该处分 ${expiresOn} 起不再计入`, `Stops counting on ${expiresOn}`, { expiryDays: policy.expiryDays[step], expiresOn }));
  const decision: SanctionDecision = { step, label, expiresOn, gradeChange: policy.gradeChange[step], rule: fired, mediaExposureEligible: false, reasons };
  if (step === "probation") {
    decision.endDate = addDays(today, policy.probationDays);
    reasons.push(reason("sanction.probation", `候场查看 ${policy.probationDays} 天，至 ${decision.endDate} 结束，期间不派工、不晋升星级`, `Probation for ${policy.probationDays} days until ${decision.endDate}: no dispatch, no promotion`, { probationDays: policy.probationDays, endDate: decision.endDate }));
  }
  if (decision.gradeChange < 0) {
    reasons.push(reason("sanction.grade_change", "星级降低一级", "Star grade lowered by one level", { gradeChange: decision.gradeChange }));
  }
  decision.mediaExposureEligible = policy.mediaExposure.events.includes(event.type) && index >= stepIndex(policy, policy.mediaExposure.minStep);
  if (decision.mediaExposureEligible) {
    reasons.push(reason("sanction.media_exposure_eligible", "可另行决定是否曝光；曝光须有法律依据、与情节相当并设定期限", "Media exposure may be decided separately; it needs a legal basis, proportionality and an end date", { event: event.type }));
  }
  return decision;
}

/** A worker's standing today from their sanction history: active, on probation or expelled. */
export function standingOf(policy: SanctionPolicy, history: readonly SanctionHistoryEntry[], today: IsoDate): Standing {
  const active = history.filter((e) => isSanctionActive(policy, e, today));
  const activeSteps = active.map((e) => e.step).sort((a, b) => stepIndex(policy, a) - stepIndex(policy, b));
  const t = dayNumber(today);
  const expulsions = active.filter((e) => e.step === "expulsion");
  const probations = active.filter((e) => e.step === "probation" && t < dayNumber(probationEnd(policy, e)));
  const reasons: Reason[] = [];
  const result: Standing = { status: "active", activeSteps, reasons };
  if (expulsions.length > 0) {
    const until = expulsions.map((e) => addDays(e.date, policy.expiryDays.expulsion)).sort().at(-1) as IsoDate;
    result.status = "expelled";
    result.expelledUntil = until;
    reasons.push(reason("standing.expelled", `已被逐出市场，至 ${until} 止`, `Expelled from the market until ${until}`, { until }));
  } else if (probations.length > 0) {
    const ends = probations.map((e) => probationEnd(policy, e)).sort().at(-1) as IsoDate;
    result.status = "probation";
    result.probationEndsOn = ends;
    reasons.push(reason("standing.probation", `候场查看中，${ends} 结束`, `On probation until ${ends}`, { endsOn: ends }));
  } else {
    reasons.push(reason("standing.active", activeSteps.length > 0 ? `正常，有 ${activeSteps.length} 条有效处分` : "正常，无有效处分", `Active, ${activeSteps.length} active sanction(s)`, { activeSanctions: activeSteps.length }));
  }
  return result;
}

export interface AppealOutcome {
  /** Stars to give back (+1 when the reversed step had lowered the grade). */
  restoreGrade: 0 | 1;
  liftProbation: boolean;
  liftExpulsion: boolean;
  /** Standing once the reversal is recorded. */
  standingAfter: Standing;
  /** Indices of later unreversed sanctions decided while this one counted; staff should re-check them. */
  recheck: number[];
  reasons: Reason[];
}

/**
 * What to undo when the sanction `history[index]` is reversed on appeal. Pure: the caller records
 * the reversal, restores the grade (replayed as a `reversal` grade event) and re-checks later
 * sanctions that may have escalated from this one.
 */
export function appealOutcome(policy: SanctionPolicy, input: { history: readonly SanctionHistoryEntry[]; index: number; today: IsoDate }): AppealOutcome {
  const target = input.history[input.index];
  if (target === undefined) throw new RangeError(`index ${input.index} is outside the history`);
  if (target.reversed === true) throw new RangeError(`history[${input.index}] is already reversed`);
  const after = input.history.map((e, i) => (i === input.index ? { ...e, reversed: true } : e));
  const standingAfter = standingOf(policy, after, input.today);
  const before = standingOf(policy, input.history, input.today);
  const start = dayNumber(target.date);
  const end = start + policy.expiryDays[target.step];
  const recheck = input.history.flatMap((e, i) => {
    const d = dayNumber(e.date);
    return i !== input.index && e.reversed !== true && d >= start && d < end ? [i] : [];
  });
  const restoreGrade: 0 | 1 = policy.gradeChange[target.step] < 0 ? 1 : 0;
  const label = policy.labels[target.step];
  const reasons: Reason[] = [reason("appeal.reversed", `申诉成立，撤销 ${target.date} 的${label.zh}`, `Appeal upheld: ${label.en} of ${target.date} reversed`, { step: target.step, date: target.date })];
  if (restoreGrade > 0) reasons.push(reason("appeal.restore_grade", "恢复因该处分降低的一级星级", "Restore the star level the sanction took", { restoreGrade }));
  const liftProbation = before.status === "probation" && standingAfter.status !== "probation" && standingAfter.status !== "expelled";
  const liftExpulsion = before.status === "expelled" && standingAfter.status !== "expelled";
  if (liftProbation) reasons.push(reason("appeal.lift_probation", "解除候场查看", "Probation lifted"));
  if (liftExpulsion) reasons.push(reason("appeal.lift_expulsion", "恢复进入市场资格", "Expulsion lifted"));
  if (recheck.length > 0) {
    reasons.push(reason("appeal.recheck_later", `其后 ${recheck.length} 条处分可能因本处分而升级，需复核`, `${recheck.length} later sanction(s) may have escalated from this one; re-check them`, { count: recheck.length }));
  }
  return { restoreGrade, liftProbation, liftExpulsion, standingAfter, recheck, reasons };
}
