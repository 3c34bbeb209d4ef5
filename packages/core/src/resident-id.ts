import { isIsoDate } from "./dates.ts";
import type { IsoDate, Reason } from "./types.ts";

/**
 * Resident ID numbers (公民身份号码) per GB 11643-1999: 6-digit region code, 8-digit birth date
 * `YYYYMMDD`, 3-digit sequence (odd 17th digit = male, even = female) and an ISO 7064 MOD 11-2
 * check character (0-9 or X). Legacy 15-digit numbers (region, `YYMMDD` in the 1900s, sequence)
 * are upgraded to 18 characters by inserting `19` and appending the computed check character.
 */

/** What is wrong with a rejected number, checked in this order. */
export type ResidentIdErrorCode = "length" | "character" | "date" | "check";

export interface ResidentIdError extends Reason {
  code: ResidentIdErrorCode;
}

export interface ParsedResidentId {
  ok: true;
  /** The normalised 18-character number (upper-case X). */
  id: string;
  /** 行政区划代码, the first six digits. */
  regionCode: string;
  birthDate: IsoDate;
  gender: "male" | "female";
  /** Present and true when the input was a legacy 15-digit number. */
  upgradedFrom15?: boolean;
}

export type ResidentIdResult = ParsedResidentId | { ok: false; error: ResidentIdError };

export interface ParseResidentIdOptions {
  /** Today in Asia/Shanghai; when given, a birth date after it is rejected. */
  today?: IsoDate;
}

/**
 * Earliest birth year accepted. 1800 rather than 1900 because GB 11643-1999's own worked example,
 * 440524188001010014, is born in 1880 and must validate; anything earlier is certainly a typo.
 */
export const RESIDENT_ID_MIN_BIRTH_YEAR = 1800;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"] as const;

/**
 * The ISO 7064 MOD 11-2 check character of the first 17 digits.
 * Throws a RangeError when `first17` is not exactly 17 ASCII digits.
 */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError("residentIdCheckCharacter needs exactly 17 digits");
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? "?";
}

/**
 * Upgrade a legacy 15-digit number (born 19YY) to its 18-character form.
 * Returns null when the input is not 15 digits (it does not check the birth date; `parseResidentId` does).
 */
export function upgradeLegacyResidentId(id15: string): string | null {
  const s = stripSpaces(id15);
  if (!/^\d{15}$/.test(s)) return null;
  const first17 = `${s.slice(0, 6)}19${s.slice(6)}`;
  return first17 + residentIdCheckCharacter(first17);
}

/**
 * Validate and decode a resident ID number. Spaces anywhere are ignored (numbers are often typed
 * in groups), a lower-case x is accepted and returned as X, and a 15-digit legacy number is
 * upgraded. The error names the field (身份证号) so the counter can show it as is.
 */
export function parseResidentId(input: string, opts: ParseResidentIdOptions = {}): ResidentIdResult {
  const s = stripSpaces(typeof input === "string" ? input : "").toUpperCase();

  if (s.length !== 18 && s.length !== 15) {
    return fail("length", `身份证号应为18位（或旧版15位），实际为${s.length}位`, `Resident ID number must have 18 characters (or 15 for the old format); got ${s.length}`, { length: s.length });
  }
  const legacy = s.length === 15;
  if (legacy ? !/^\d{15}$/.test(s) : !/^\d{17}[\dX]$/.test(s)) {
    return legacy
      ? fail("character", "身份证号（15位）只能由数字组成", "A 15-digit resident ID number may contain digits only")
      : fail("character", "身份证号前17位须为数字，最后一位为数字或X", "The first 17 characters must be digits and the last a digit or X");
  }

  const full = legacy ? (upgradeLegacyResidentId(s) ?? s) : s;
  const birthDate = `${full.slice(6, 10)}-${full.slice(10, 12)}-${full.slice(12, 14)}`;
  const year = Number(full.slice(6, 10));
  if (!isIsoDate(birthDate)) {
    return fail("date", `身份证号中的出生日期 ${birthDate} 不是有效日期`, `The birth date ${birthDate} in the resident ID number is not a calendar date`, { birthDate });
  }
  if (year < RESIDENT_ID_MIN_BIRTH_YEAR) {
    return fail("date", `身份证号中的出生年份 ${year} 早于 ${RESIDENT_ID_MIN_BIRTH_YEAR} 年`, `The birth year ${year} is before ${RESIDENT_ID_MIN_BIRTH_YEAR}`, { birthDate });
  }
  if (opts.today !== undefined && birthDate > opts.today) {
    return fail("date", `身份证号中的出生日期 ${birthDate} 晚于今天`, `The birth date ${birthDate} is in the future`, { birthDate, today: opts.today });
  }

  const expected = residentIdCheckCharacter(full.slice(0, 17));
  if (!legacy && full[17] !== expected) {
    return fail("check", `身份证号校验位不正确，应为 ${expected}`, `The check character is wrong; it should be ${expected}`, { expected, actual: full[17] ?? "" });
  }

  const seventeenth = full.charCodeAt(16) - 48;
  const parsed: ParsedResidentId = {
    ok: true,
    id: full,
    regionCode: full.slice(0, 6),
    birthDate,
    gender: seventeenth % 2 === 1 ? "male" : "female",
  };
  if (legacy) parsed.upgradedFrom15 = true;
  return parsed;
}

/** True when `input` parses as a valid resident ID number. */
export function isValidResidentId(input: string, opts: ParseResidentIdOptions = {}): boolean {
  return parseResidentId(input, opts).ok;
}

function stripSpaces(s: string): string {
  return s.replace(/[\s\u3000]+/g, "");
}

function fail(code: ResidentIdErrorCode, zh: string, en: string, data?: Reason["data"]): { ok: false; error: ResidentIdError } {
  return { ok: false, error: data === undefined ? { code, zh, en } : { code, zh, en, data } };
}
