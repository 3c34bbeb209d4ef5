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

function tradeName(code: string): string {
  return findTrade(code)?.zh ?? code;
}

/**
 * Core's `validateGuidanceWagePolicy` problems in Chinese naming the cell (工种 + 等级), so the
 * head sees which number to fix.
 */
export function wageProblemsZh(policy: GuidanceWagePolicy): string[] {
  return validateGuidanceWagePolicy(policy).map((p) => {
    let m = /^dayRateFen\.([^.]+)\.([^ ]+) must be a positive integer/.exec(p);
    if (m) return `${tradeName(m[1] ?? "")} ${SKILL_GRADE_LABELS[m[2] as SkillGrade]?.zh ?? m[2]}：日工价须为大于 0 的金额`;
    m = /^dayRateFen\.([^.]+)\.([^ ]+) is lower than a lower grade's rate/.exec(p);
    if (m) return `${tradeName(m[1] ?? "")} ${SKILL_GRADE_LABELS[m[2] as SkillGrade]?.zh ?? m[2]}：日工价不能低于较低等级的日工价`;
    m = /^categoryDefaultFen\.([^ ]+) must be/.exec(p);
    if (m) return `${TRADE_CATEGORY_LABELS[m[1] as TradeCategory]?.zh ?? m[1]}类默认日工价须为大于 0 的金额`;
    return `指导价参数有误：${p}`;
  });
}
