import { normalizeMobile } from "./mobile-phone.ts";

/**
 * Masking applied on the server before personal data leaves it (GB/T 35273 §7.2 common practice):
 * resident ID first 6 + last 4, phone first 3 + last 4, names reduced to the surname. Every function
 * is total: any string (or null/undefined from a nullable column) gives a string, never a throw, and
 * never a character from the hidden middle. Inputs too short to show both ends safely are masked whole.
 */

const COMPOUND_SURNAMES = new Set([
  "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯",
  "令狐", "端木", "独孤", "南宫", "西门", "澹台", "轩辕", "呼延", "百里", "钟离", "宗政", "淳于", "单于",
  "申屠", "公冶", "赫连", "闻人", "万俟", "司空", "拓跋", "第五", "太史", "东郭", "乐正", "左丘",
]);

/** Show `head` leading and `tail` trailing characters, `*` for the rest; all `*` when too short. */
function keepEnds(chars: readonly string[], head: number, tail: number): string {
  if (chars.length <= head + tail) return "*".repeat(chars.length);
  return chars.slice(0, head).join("") + "*".repeat(chars.length - head - tail) + chars.slice(chars.length - tail).join("");
}

function codePoints(s: string | null | undefined): string[] {
  return typeof s === "string" ? Array.from(s.replace(/[\s\u3000]+/g, "")) : [];
}

/**
 * `110105********002X` for an 18-character number (always 18 characters out). Whitespace is
 * dropped first; other lengths keep the same 6 + 4 ends, and 10 characters or fewer are all `*`.
 */
export function maskResidentId(id: string | null | undefined): string {
  return keepEnds(codePoints(id), 6, 4);
}

/**
 * `138****5678`. A mainland mobile written with +86, spaces or dashes is normalised first, so the
 * output is always 11 characters for one; other numbers keep 3 + 4 ends, 7 characters or fewer are all `*`.
 */
export function maskPhone(phone: string | null | undefined): string {
  const mobile = normalizeMobile(phone);
  return keepEnds(mobile !== null ? Array.from(mobile) : codePoints(phone), 3, 4);
}

/**
 * A name for public screens: the surname stays, every other character becomes `*`, one `*` per
 * character (张三 → 张*, 王小明 → 王**). A known two-character compound surname stays whole
 * (欧阳娜娜 → 欧阳**). At least one character is always masked, so a one-character string is `*`.
 */
export function maskName(name: string | null | undefined): string {
  const chars = codePoints(name);
  if (chars.length === 0) return "";
  const surname = COMPOUND_SURNAMES.has(chars.slice(0, 2).join("")) ? 2 : 1;
  const keep = Math.min(surname, chars.length - 1);
  return chars.slice(0, keep).join("") + "*".repeat(chars.length - keep);
}
