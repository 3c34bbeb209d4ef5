import { validateEmployerPolicy, validateRewardPolicy } from "@lingong/core";

/** The kinds whose body core can check in the browser before it is sent. */
export type CheckedKind = "rewards" | "employer";

export function isCheckedKind(kind: string): kind is CheckedKind {
  return kind === "rewards" || kind === "employer";
}

/**
 * Core's problems with a reward or employer-record policy, in the reader's language: core already
 * names each field in staff's words with its JSON path (the head edits the JSON). Empty when sound.
 */
export function policyProblems(kind: CheckedKind, body: unknown, lang: "zh" | "en"): string[] {
  const problems = kind === "rewards" ? validateRewardPolicy(body) : validateEmployerPolicy(body);
  return problems.map((p) => (lang === "en" ? p.en : p.zh));
}
