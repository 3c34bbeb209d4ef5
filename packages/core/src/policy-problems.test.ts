import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_EMPLOYER_POLICY, decideEmployerAction, validateEmployerPolicy } from "./employer-record.ts";
import type { EmployerEventType } from "./employer-record.ts";
import type { PolicyProblem, PolicyProblemCode } from "./policy-problems.ts";
import { DEFAULT_REWARD_POLICY, validateRewardPolicy } from "./rewards.ts";

const HAN = /\p{Script=Han}/u;
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

/** Every dotted path of a JSON object, inner objects included. */
function pathsOf(o: unknown, prefix = ""): string[] {
  if (typeof o !== "object" || o === null || Array.isArray(o)) return [];
  return Object.entries(o).flatMap(([k, v]) => {
    const p = prefix ? `${prefix}.${k}` : k;
    return [p, ...pathsOf(v, p)];
  });
}

/** A copy of `body` with the value at `path` replaced (`undefined` deletes it). */
function withValue(body: object, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split(".");
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  const last = keys[keys.length - 1] ?? "";
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
}

const KINDS = [
  { name: "rewards", validate: validateRewardPolicy, base: DEFAULT_REWARD_POLICY },
  { name: "employer", validate: validateEmployerPolicy, base: DEFAULT_EMPLOYER_POLICY },
] as const;

const value = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer({ min: -10, max: 5000 }),
  fc.double({ noNaN: false }),
  fc.string({ maxLength: 60 }),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

/** The default with some fields changed, deleted or added (new keys at the top and among the events). */
const mutated = (base: object) =>
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...pathsOf(base)), fc.string({ maxLength: 8 }).map((k) => `events.${k}`), fc.string({ maxLength: 8 })), value), {
      maxLength: 4,
    })
    .map((edits) =>
      edits.reduce<Record<string, unknown>>((body, [path, v]) => {
        // An edit under a part an earlier edit removed or replaced has nowhere to go.
        const parent = path.split(".").slice(0, -1);
        let at: unknown = body;
        for (const k of parent) at = typeof at === "object" && at !== null && Object.hasOwn(at, k) ? (at as Record<string, unknown>)[k] : undefined;
        if (typeof at !== "object" || at === null || Array.isArray(at) || path.split(".").some((k) => k === "" || k === "__proto__")) return body;
        return withValue(body, path, v);
      }, structuredClone(base) as Record<string, unknown>),
    );

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
          for (const p of problems) expect(path === p.data.field || path.startsWith(`${p.data.field}.`)).toBe(true);
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
