// Value checks shared by the policy validators. Not re-exported from the package index: the
// validators are the public surface, these are how they read a JSON body.

/** A JSON object (not null, not a list). */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A whole number in `min..max`. */
export const isIntIn = (v: unknown, min: number, max: number): v is number => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;

/** A finite number in `min..max` (both included). */
export const isNumIn = (v: unknown, min: number, max: number): v is number => typeof v === "number" && Number.isFinite(v) && v >= min && v <= max;

/** A share 0..1. */
export const isShare = (v: unknown): v is number => isNumIn(v, 0, 1);

/** A version id as every policy has one: non-empty text of at most 50 characters. */
export const isVersion = (v: unknown): v is string => typeof v === "string" && v.trim() !== "" && v.length <= 50;

/** A `{ zh, en }` name with non-empty Chinese. */
export const isLabel = (v: unknown): boolean => isObject(v) && typeof v.zh === "string" && v.zh.trim() !== "" && typeof v.en === "string";

/** Reads a key of a JSON object without touching inherited properties such as "constructor". */
export const ownValue = (o: Record<string, unknown>, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
