import {
  findTrade,
  SKILL_GRADE_LABELS,
  TRADE_CATEGORY_LABELS,
  validateGuidanceWagePolicy,
  type GuidanceWagePolicy,
  type SkillGrade,
  type TradeCategory,
} from "@lingong/core";
import { yuanToFen } from "../../lib/display.ts";

/** The grid as typed: yuan per trade and grade (null: takes the nearest lower grade's rate). */
export type YuanGrid = Record<string, Partial<Record<SkillGrade, number | null>>>;

export function toYuanGrid(fen: GuidanceWagePolicy["dayRateFen"]): YuanGrid {
  const out: YuanGrid = {};
  for (const [trade, row] of Object.entries(fen)) {
    out[trade] = {};
    for (const [g, v] of Object.entries(row)) if (typeof v === "number") out[trade][g as SkillGrade] = v / 100;
  }
  return out;
}

/** Yuan to integer fen; empty cells and empty rows are left out. */
export function toFenTable(grid: YuanGrid): GuidanceWagePolicy["dayRateFen"] {
  const out: GuidanceWagePolicy["dayRateFen"] = {};
  for (const [trade, row] of Object.entries(grid)) {
    const r: Partial<Record<SkillGrade, number>> = {};
    for (const [g, v] of Object.entries(row)) {
      const fen = yuanToFen(v);
      if (fen !== null) r[g as SkillGrade] = fen;
    }
    if (Object.keys(r).length > 0) out[trade] = r;
  }
  return out;
}

type Lang = "zh" | "en";

function pick(l: { zh: string; en: string } | undefined, lang: Lang, fallback: string): string {
  return l ? (lang === "en" ? l.en : l.zh) : fallback;
}

/**
 * Core's `validateGuidanceWagePolicy` problems naming the cell (工种 + 等级) in the reader's
 * language, so the head sees which number to fix.
 */
export function wageProblems(policy: GuidanceWagePolicy, lang: Lang = "zh"): string[] {
  const en = lang === "en";
  return validateGuidanceWagePolicy(policy).map((p) => {
    let m = /^dayRateFen\.([^.]+)\.([^ ]+) must be a positive integer/.exec(p);
    const cell = (mm: RegExpExecArray) => `${pick(findTrade(mm[1] ?? ""), lang, mm[1] ?? "")} ${pick(SKILL_GRADE_LABELS[mm[2] as SkillGrade], lang, mm[2] ?? "")}`;
    if (m) return en ? `${cell(m)}: the day rate must be an amount above 0` : `${cell(m)}：日工价须为大于 0 的金额`;
    m = /^dayRateFen\.([^.]+)\.([^ ]+) is lower than a lower grade's rate/.exec(p);
    if (m) return en ? `${cell(m)}: the day rate cannot be below a lower grade's` : `${cell(m)}：日工价不能低于较低等级的日工价`;
    m = /^categoryDefaultFen\.([^ ]+) must be/.exec(p);
    if (m) {
      const cat = pick(TRADE_CATEGORY_LABELS[m[1] as TradeCategory], lang, m[1] ?? "");
      return en ? `${cat}: the category default day rate must be an amount above 0` : `${cat}类默认日工价须为大于 0 的金额`;
    }
    return en ? `Guidance wage parameters are wrong: ${p}` : `指导价参数有误：${p}`;
  });
}
