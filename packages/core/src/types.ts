/**
 * Shared vocabulary of the rules. Every decision a rule makes carries its reasons so staff
 * can explain it to a worker: a stable machine-readable `code` and the Chinese text shown at
 * the counter (`zh`), with English for visitors (`en`).
 */
export interface Reason {
  code: string;
  zh: string;
  en: string;
  /** Numbers behind the reason (a rate, a count, a threshold), for display and audit. */
  data?: Record<string, number | string | boolean | null>;
}

/** A calendar day in Asia/Shanghai, `YYYY-MM-DD`. */
export type IsoDate = string;

/** Star grade 0..5: 0 is 无星 (no star), 5 is 五星. */
export type StarGrade = 0 | 1 | 2 | 3 | 4 | 5;

export const STAR_GRADES: readonly StarGrade[] = [0, 1, 2, 3, 4, 5];

/**
 * National vocational skill levels (国家职业技能等级), plus `none` for trades or workers without one.
 * Numbered as the national standard does: level 5 is the entry level (五级/初级工), level 1 the top (一级/高级技师).
 */
export type SkillGrade = "none" | "L5" | "L4" | "L3" | "L2" | "L1";

/** Ordered from lowest to highest, so `SKILL_GRADE_ORDER.indexOf(g)` compares grades. */
export const SKILL_GRADE_ORDER: readonly SkillGrade[] = ["none", "L5", "L4", "L3", "L2", "L1"];

export const SKILL_GRADE_LABELS: Record<SkillGrade, { zh: string; en: string }> = {
  none: { zh: "无等级", en: "No grade" },
  L5: { zh: "五级/初级工", en: "Level 5 / Junior" },
  L4: { zh: "四级/中级工", en: "Level 4 / Intermediate" },
  L3: { zh: "三级/高级工", en: "Level 3 / Senior" },
  L2: { zh: "二级/技师", en: "Level 2 / Technician" },
  L1: { zh: "一级/高级技师", en: "Level 1 / Senior technician" },
};

/** Rank of a skill grade, 0 for none up to 5 for L1. */
export function skillGradeRank(grade: SkillGrade): number {
  return SKILL_GRADE_ORDER.indexOf(grade);
}

/** Clamp any number into a valid star grade. */
export function toStarGrade(n: number): StarGrade {
  const r = Math.max(0, Math.min(5, Math.round(n)));
  return r as StarGrade;
}

export function reason(code: string, zh: string, en: string, data?: Reason["data"]): Reason {
  return data === undefined ? { code, zh, en } : { code, zh, en, data };
}
