// Shared by the policy validator tests: random edits of a default policy and the checks every
// problem must pass. Not exported from the package.
import fc from "fast-check";
import { expect } from "vitest";
import type { PolicyProblem } from "./policy-problems.ts";

export const HAN = /\p{Script=Han}/u;

/** Every dotted path of a JSON value, inner objects and list items included. */
export function pathsOf(o: unknown, prefix = ""): string[] {
  if (typeof o !== "object" || o === null) return [];
  return Object.entries(o).flatMap(([k, v]) => {
    const p = prefix ? `${prefix}.${k}` : k;
    return [p, ...pathsOf(v, p)];
  });
}

/** Paths whose value is not an object or list. */
export const leafPathsOf = (o: unknown): string[] =>
  pathsOf(o).filter((p) => {
    const v = valueAt(o, p);
    return typeof v !== "object" || v === null;
  });

export function valueAt(o: unknown, path: string): unknown {
  let at: unknown = o;
  for (const k of path.split(".")) at = typeof at === "object" && at !== null && Object.hasOwn(at, k) ? (at as Record<string, unknown>)[k] : undefined;
  return at;
}

/** A copy of `body` with the value at `path` replaced (`undefined` deletes it). */
export function withValue(body: object, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split(".");
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  const last = keys[keys.length - 1] ?? "";
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
}

const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer({ min: -10, max: 5000 }),
  fc.double({ noNaN: false }),
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

/**
 * The default with up to four fields changed, deleted or added. `near` gives values close to the
 * field's own (a nudged number, the other boolean) so that many bodies stay valid and the
 * "a valid body can be used" properties see more than the default.
 */
export const mutated = (base: object, extraPaths: readonly string[] = []) => {
  const near = (v: unknown): fc.Arbitrary<unknown> =>
    typeof v === "number"
      ? fc.oneof(fc.constantFrom(0, 1, -1, 0.5), fc.integer({ min: -2, max: 2 }).map((d) => v + d), fc.double({ min: 0, max: 2, noNaN: true }).map((f) => v * f), fc.integer({ min: 0, max: 10 }))
      : typeof v === "boolean"
        ? fc.boolean()
        : anyValue;
  const edit = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...leafPathsOf(base)).chain((p) => fc.tuple(fc.constant(p), near(valueAt(base, p)))) },
    { weight: 1, arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...pathsOf(base), ...extraPaths), fc.string({ maxLength: 8 })), anyValue) },
  );
  return fc.array(edit, { maxLength: 4 }).map((edits) =>
    edits.reduce<Record<string, unknown>>((body, [path, v]) => {
      // An edit under a part an earlier edit removed or replaced has nowhere to go.
      const parent = path.split(".").slice(0, -1);
      const at = parent.length === 0 ? body : valueAt(body, parent.join("."));
      if (typeof at !== "object" || at === null || path.split(".").some((k) => k === "" || k === "__proto__")) return body;
      return withValue(body, path, v);
    }, structuredClone(base) as Record<string, unknown>),
  );
};

/** Every problem: a policy.* code, Chinese with Han characters, English, and a field path of the body or the default. */
export function checkProblem(p: PolicyProblem, base: object, body: unknown): void {
  expect(p.code).toMatch(/^policy\.[a-z_]+$/);
  expect(p.zh).toMatch(HAN);
  expect(p.en.trim()).not.toBe("");
  expect(p.zh).not.toBe(p.en);
  const field = p.data.field;
  if (p.code === "policy.not_object") {
    expect(field).toBe("");
    return;
  }
  expect(p.zh).toContain(`（${field}）`);
  expect(p.en).toContain(`(${field})`);
  // The path is one the head can find: in what was sent, or (when missing) in the default.
  expect([...pathsOf(body), ...pathsOf(base)]).toContain(field);
}

/** Some problem names `path` itself or the part holding it. */
export function reportedAt(problems: readonly PolicyProblem[], path: string): boolean {
  return problems.some((p) => path === p.data.field || path.startsWith(`${p.data.field}.`));
}

/** A leaf path of `base` and a value of another JSON type than the one it holds there. */
export const wrongTypeAt = (base: object) =>
  fc.constantFrom(...leafPathsOf(base)).chain((path) => {
    const kind = typeof valueAt(base, path);
    const others = [null, "x", 7, true, [], {}].filter((v) => typeof v !== kind || (v !== null && typeof v === "object"));
    return fc.tuple(fc.constant(path), fc.constantFrom(...others));
  });

/**
 * The default with one number set to an edge value (0, negative, a fraction, large): the values a
 * validator must either refuse or leave usable, each tried rather than left to chance.
 */
export function edgeBodies(base: object): Record<string, unknown>[] {
  return leafPathsOf(base)
    .filter((p) => typeof valueAt(base, p) === "number")
    .flatMap((p) => [0, -1, 0.5, 1, 1.5, 5, 100, 1e6, 1e12].map((v) => withValue(base, p, v)));
}

/** Random edits and every edge value, for the "a body that passes is usable" properties. */
export const usableCandidates = (base: object) => fc.oneof(mutated(base), fc.constantFrom(...edgeBodies(base)));
