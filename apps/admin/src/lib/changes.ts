import { findTrade, SKILL_GRADE_LABELS, type SkillGrade } from "@lingong/core";

const FIELD_LABELS: Record<string, string> = {
  name: "姓名",
  phone: "手机号",
  phoneMasked: "手机号",
  hukou: "户籍所在地",
  homeAddress: "家庭住址",
  tempAddress: "暂住地址",
  townshipId: "乡镇",
  workYears: "从业年限",
  workHistory: "工作经历",
  trades: "工种",
  status: "状态",
  stars: "星级",
};

function show(field: string, v: unknown): string {
  if (v === null || v === undefined || v === "") return "（空）";
  if (field === "trades" && Array.isArray(v)) {
    return v
      .map((t) => {
        const o = t as { code?: string; tradeCode?: string; skillGrade?: string };
        const code = o.code ?? o.tradeCode ?? "";
        return `${findTrade(code)?.zh ?? code}·${SKILL_GRADE_LABELS[o.skillGrade as SkillGrade]?.zh ?? o.skillGrade ?? ""}`;
      })
      .join("、");
  }
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/**
 * One line per changed field of an archive change row, in Chinese: `暂住地址：（空） → 龙港镇西街18号`.
 * Fields present on either side are listed; values the server masked stay masked.
 */
export function describeChange(before: unknown, after: unknown): string[] {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => `${FIELD_LABELS[k] ?? k}：${show(k, b[k])} → ${show(k, a[k])}`);
}
