import type { Reason } from "./types.ts";

/**
 * 统一社会信用代码 (unified social credit code) per GB 32100-2015: 18 characters from a 31-letter
 * alphabet (digits and capital letters without I, O, Z, S, V). Position 1 is the registration
 * authority, 2 the organisation category, 3-8 the region code (digits), 9-17 the organisation
 * code, and 18 a check character: weights 3^i mod 31, check = 31 - (sum mod 31), 31 written as 0.
 */
export const CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeErrorCode = "length" | "character" | "region" | "check";

export type CreditCodeResult =
  | { ok: true; code: string; authority: string; category: string; regionCode: string }
  | { ok: false; error: Reason & { code: CreditCodeErrorCode } };

/**
 * The check character of the first 17 characters of a credit code.
 * @throws RangeError when `first17` is not 17 characters of the code alphabet.
 */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError("creditCodeCheckCharacter needs exactly 17 characters");
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i));
    if (v < 0) throw new RangeError(`not a credit code character: ${first17.charAt(i)}`);
    sum += v * (WEIGHTS[i] ?? 0);
  }
  const c = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET.charAt(c);
}

/**
 * Validate a unified social credit code. Spaces are ignored and letters upper-cased; the error
 * names the field (统一社会信用代码) so the counter can show it as is.
 */
export function parseCreditCode(input: string): CreditCodeResult {
  const s = (typeof input === "string" ? input : "").replace(/[\s\u3000]+/g, "").toUpperCase();
  if (s.length !== 18) {
    return fail("length", `统一社会信用代码应为18位，实际为${s.length}位`, `A unified social credit code has 18 characters; got ${s.length}`, { length: s.length });
  }
  for (const ch of s) {
    if (!CREDIT_CODE_ALPHABET.includes(ch)) {
      return fail("character", `统一社会信用代码含有不允许的字符“${ch}”（不使用 I、O、Z、S、V）`, `Character "${ch}" is not allowed in a unified social credit code (I, O, Z, S, V are never used)`);
    }
  }
  const regionCode = s.slice(2, 8);
  if (!/^\d{6}$/.test(regionCode)) {
    return fail("region", "统一社会信用代码第3至8位应为行政区划代码（数字）", "Characters 3-8 of a unified social credit code must be a region code (digits)");
  }
  const expected = creditCodeCheckCharacter(s.slice(0, 17));
  if (s.charAt(17) !== expected) {
    return fail("check", "统一社会信用代码校验位不正确，请核对", "The check character of the unified social credit code is wrong", { expected, actual: s.charAt(17) });
  }
  return { ok: true, code: s, authority: s.charAt(0), category: s.charAt(1), regionCode };
}

/** True when `s` is a valid unified social credit code. */
export function isCreditCode(s: string): boolean {
  return parseCreditCode(s).ok;
}

function fail(code: CreditCodeErrorCode, zh: string, en: string, data?: Reason["data"]): CreditCodeResult {
  return { ok: false, error: data === undefined ? { code, zh, en } : { code, zh, en, data } };
}
