import type { zhOps } from "./zh-ops.ts";

/** English for `zh-ops.ts` (every key must be here). */
export const enOps: Record<keyof typeof zhOps, string> = {
  "nav.policies": "Wages & policies",
  "nav.rewards": "Rewards",
  "ops.worker": "Worker",
  "ops.workerPick": "Type name / phone / ID number / worker no.",
  "ops.workerRequired": "Please pick a worker",
  "ops.noMatch": "No matching worker",
  "ops.tools.counter": "Lend & return",
  "ops.tools.catalogue": "Catalogue",
  "ops.tools.overdue": "Overdue",
  "ops.tools.history": "History",
  "ops.costs.ledger": "Ledger",
  "ops.costs.report": "Monthly report",
  "ops.complaints.new": "New complaint",
  "ops.complaints.list": "Cases",
  "ops.overdue": "Overdue",
};
