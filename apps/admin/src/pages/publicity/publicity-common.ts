import type { Labelled } from "../ops/ops-common.tsx";

export const PUBLICITY_STATUS_LABELS: Record<string, Labelled> = {
  active: { zh: "公示中", en: "Shown", color: "green" },
  withdrawn: { zh: "已撤下", en: "Withdrawn", color: "default" },
  repaired: { zh: "已信用修复", en: "Credit repaired", color: "blue" },
};

export const EXPOSURE_SUBJECT_LABELS: Record<string, Labelled> = {
  worker: { zh: "零工", en: "Worker" },
  employer: { zh: "用工方", en: "Employer" },
};

/** An entry is on the public screens while active and inside its period. */
export function shownNow(r: { status: string; periodStart: string; periodEnd: string }, today: string): boolean {
  return r.status === "active" && r.periodStart <= today && today <= r.periodEnd;
}
