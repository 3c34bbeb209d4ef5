import { ageOn, findTrade, parseResidentId, shanghaiDate, SKILL_GRADE_LABELS, type SkillGrade } from "@lingong/core";

/** Today in Asia/Shanghai (the market's calendar), from the browser's clock. */
export function todayShanghai(now: Date = new Date()): string {
  return shanghaiDate(now);
}

/** `★★★☆☆` style text, with 无星 (No star) for 0. */
export function starText(stars: number | null | undefined, lang: "zh" | "en" = "zh"): string {
  const n = Math.max(0, Math.min(5, Math.round(Number(stars ?? 0))));
  return n === 0 ? (lang === "en" ? "No star" : "无星") : `${"★".repeat(n)}${"☆".repeat(5 - n)}`;
}

export function tradeLabel(code: string | null | undefined, lang: "zh" | "en" = "zh"): string {
  if (!code) return "";
  const t = findTrade(code);
  return t ? (lang === "en" ? t.en : t.zh) : code;
}

export function gradeLabel(grade: string | null | undefined, lang: "zh" | "en" = "zh"): string {
  if (!grade) return "";
  const g = SKILL_GRADE_LABELS[grade as SkillGrade];
  return g ? (lang === "en" ? g.en : g.zh) : grade;
}

export function genderLabel(g: string | null | undefined, lang: "zh" | "en" = "zh"): string {
  if (lang === "en") return g === "male" ? "Male" : g === "female" ? "Female" : "";
  return g === "male" ? "男" : g === "female" ? "女" : "";
}

export type IdPreview =
  | { state: "empty" }
  | { state: "typing"; length: number }
  | { state: "ok"; id: string; birthDate: string; gender: "male" | "female"; age: number; regionCode: string }
  | { state: "error"; message: string; messageEn: string };

/**
 * What the counter shows under the ID number field while it is typed: nothing while short of
 * 15 characters, else the core parser's verdict with the age today.
 */
export function previewResidentId(input: string, today: string): IdPreview {
  const s = (input ?? "").replace(/[\s\u3000]+/g, "");
  if (s === "") return { state: "empty" };
  if (s.length < 15 || s.length === 16 || s.length === 17) {
    if (/[^\dXx]/.test(s)) return { state: "error", message: "身份证号只能由数字和X组成", messageEn: "An ID number has only digits and X" };
    return { state: "typing", length: s.length };
  }
  const r = parseResidentId(s, { today });
  if (!r.ok) return { state: "error", message: r.error.zh, messageEn: r.error.en };
  return { state: "ok", id: r.id, birthDate: r.birthDate, gender: r.gender, age: ageOn(r.birthDate, today), regionCode: r.regionCode };
}

/** Yuan typed at the counter (e.g. 250 or 250.5) to integer fen; null when not a number. */
export function yuanToFen(yuan: number | string | null | undefined): number | null {
  if (yuan === null || yuan === undefined || yuan === "") return null;
  const n = typeof yuan === "number" ? yuan : Number(yuan);
  if (!Number.isFinite(n)) return null;
  return Math.round(n * 100);
}

/** An instant (ISO string or Date from the API) as `YYYY-MM-DD HH:mm` in Asia/Shanghai; "" for nothing. */
export function shanghaiDateTime(v: unknown): string {
  if (typeof v !== "string" && !(v instanceof Date)) return "";
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return String(v);
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().replace("T", " ").slice(0, 16);
}
