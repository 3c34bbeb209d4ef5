import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_EMPLOYER_POLICY, decideEmployerAction, validateEmployerPolicy } from "./employer-record.ts";
import type { EmployerEventType } from "./employer-record.ts";
import { HAN, mutated as mutatedWith, pathsOf, reportedAt, withValue } from "./policy-fuzz-fixtures.ts";
import type { PolicyProblem, PolicyProblemCode } from "./policy-problems.ts";
import { DEFAULT_REWARD_POLICY, validateRewardPolicy } from "./rewards.ts";

/** Random edits of the default, plus new keys among the events (which the employer policy must refuse by name). */
const mutated = (base: object) => mutatedWith(base, ["events.bribery", "events.littering", "extra"]);

const CODES: readonly PolicyProblemCode[] = [
  "policy.not_object",
  "policy.missing",
  "policy.text",
  "policy.int_range",
  "policy.num_range",
  "policy.share",
  "policy.label",
  "policy.below",
  "policy.unknown_event",
];

const KINDS = [
  { name: "rewards", validate: validateRewardPolicy, base: DEFAULT_REWARD_POLICY },
  { name: "employer", validate: validateEmployerPolicy, base: DEFAULT_EMPLOYER_POLICY },
] as const;

function checkProblem(p: PolicyProblem, base: object, body: unknown): void {
  expect(CODES).toContain(p.code);
  expect(p.zh.trim()).not.toBe("");
  expect(p.en.trim()).not.toBe("");
  expect(p.zh).toMatch(HAN);
  expect(p.zh).not.toBe(p.en);
  const field = p.data.field;
  if (p.code === "policy.not_object") {
    expect(field).toBe("");
    return;
  }
  // The head finds the field by its path in both languages.
  expect(p.zh).toContain(`（${field}）`);
  expect(p.en).toContain(`(${field})`);
  if (p.code === "policy.unknown_event") {
    // An event type the policy has no place for: the path is the one sent.
    expect(field.startsWith("events.")).toBe(true);
    expect(Object.keys((body as { events: object }).events)).toContain(field.slice("events.".length));
  } else {
    expect(pathsOf(base)).toContain(field);
  }
}

describe("validateRewardPolicy and validateEmployerPolicy problems", () => {
  for (const { name, validate, base } of KINDS) {
    it(`${name}: every problem has a known code, Chinese and English text, and a field of the policy's shape`, () => {
      fc.assert(
        fc.property(fc.oneof({ weight: 5, arbitrary: mutated(base) }, { weight: 1, arbitrary: fc.anything() }), (body) => {
          for (const p of validate(body)) checkProblem(p, base, body);
        }),
        { numRuns: 300 },
      );
    });

    it(`${name}: a field set to null is reported at that field or the part holding it, and nowhere else`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...pathsOf(base)), (path) => {
          const problems = validate(withValue(base, path, null));
          expect(problems.length).toBeGreaterThan(0);
          for (const p of problems) expect(reportedAt([p], path)).toBe(true);
        }),
      );
    });

    it(`${name}: the same body gives the same problems, and validating does not change it`, () => {
      fc.assert(
        fc.property(mutated(base), (body) => {
          const before = JSON.stringify(body);
          expect(validate(body)).toEqual(validate(structuredClone(body)));
          expect(JSON.stringify(body)).toBe(before);
        }),
      );
    });
  }

  it("an employer policy with no problems decides any record without throwing", () => {
    const types = Object.keys(DEFAULT_EMPLOYER_POLICY.events) as EmployerEventType[];
    const events = fc.array(fc.record({ type: fc.constantFrom(...types), date: fc.integer({ min: 0, max: 2000 }).map((d) => new Date(Date.UTC(2019, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)) }), {
      maxLength: 8,
    });
    fc.assert(
      fc.property(mutated(DEFAULT_EMPLOYER_POLICY), events, (body, evs) => {
        fc.pre(validateEmployerPolicy(body).length === 0);
        const d = decideEmployerAction(body as unknown as typeof DEFAULT_EMPLOYER_POLICY, { events: evs, today: "2024-06-30" });
        expect(["none", "warning", "exclusion"]).toContain(d.action);
      }),
    );
  });
});
