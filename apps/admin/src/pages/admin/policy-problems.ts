import { validateEmployerPolicy, validateGradingPolicy, validateMatchingPolicy, validateRewardPolicy, validateSanctionPolicy } from "@lingong/core";
import type { PolicyProblem } from "@lingong/core";

const VALIDATORS = {
  grading: validateGradingPolicy,
  sanctions: validateSanctionPolicy,
  matching: validateMatchingPolicy,
  rewards: validateRewardPolicy,
  employer: validateEmployerPolicy,
} satisfies Record<string, (body: unknown) => PolicyProblem[]>;

/** The kinds whose body core can check in the browser before it is sent (all but the wage grid, which has its own editor). */
export type CheckedKind = keyof typeof VALIDATORS;

export function isCheckedKind(kind: string): kind is CheckedKind {
  return Object.hasOwn(VALIDATORS, kind);
}

/**
 * Core's problems with a policy body, in the reader's language: core already names each field in
 * staff's words with its JSON path (the head edits the JSON). Empty when sound.
 */
export function policyProblems(kind: CheckedKind, body: unknown, lang: "zh" | "en"): string[] {
  return VALIDATORS[kind](body).map((p) => (lang === "en" ? p.en : p.zh));
}
