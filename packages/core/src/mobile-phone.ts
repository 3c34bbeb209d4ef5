/**
 * Mainland China mobile numbers: 11 digits, `1` then `3`-`9`. Numbers are often written with a
 * country code (+86, 0086, 86) and grouped with spaces or dashes; those are tolerated.
 */
const MOBILE = /^1[3-9]\d{9}$/;

/**
 * The bare 11-digit mobile number, or null when `s` is not a mainland mobile number.
 * Spaces (including full-width), dashes and dots between groups are dropped; a leading
 * +86, 0086 or 86 (only when 13 digits remain) is removed.
 */
export function normalizeMobile(s: string | null | undefined): string | null {
  if (typeof s !== "string") return null;
  let t = s.replace(/[\s\u3000\-.()（）]+/g, "");
  if (t.startsWith("+86")) t = t.slice(3);
  else if (t.startsWith("0086")) t = t.slice(4);
  else if (t.length === 13 && t.startsWith("86")) t = t.slice(2);
  return MOBILE.test(t) ? t : null;
}

/** True when `s` is a mainland mobile number (after the tolerances of `normalizeMobile`). */
export function isMainlandMobile(s: string | null | undefined): boolean {
  return normalizeMobile(s) !== null;
}
