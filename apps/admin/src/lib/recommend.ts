import type { ExclusionCode, Reason, ScoreBreakdown } from "@lingong/core";

type ZhEn = { zh: string; en: string };

export const EXCLUSION_LABELS: Record<ExclusionCode, ZhEn> = {
  expelled: { zh: "已逐出市场", en: "Expelled" },
  on_probation: { zh: "候场查看中", en: "On probation" },
  wrong_trade: { zh: "工种不符", en: "Other trade" },
  grade_too_low: { zh: "技术等级不足", en: "Grade too low" },
  missing_certificate: { zh: "缺少必需证书", en: "Missing certificate" },
  busy_overlap: { zh: "该时段已有派工", en: "Already dispatched then" },
};

export const BREAKDOWN_LABELS: Record<keyof ScoreBreakdown, ZhEn> = {
  skillFit: { zh: "技能匹配", en: "Skill fit" },
  stars: { zh: "星级", en: "Stars" },
  satisfaction: { zh: "满意率", en: "Satisfaction" },
  proximity: { zh: "距离", en: "Distance" },
  rotation: { zh: "轮换", en: "Rotation" },
};

export interface CandidateRow {
  workerId: string;
  rank: number;
  name: string;
  workerNo: string;
  stars: number | null;
  score: number | null;
  breakdown: Partial<ScoreBreakdown> | null;
  reasons: Reason[];
}

export interface Recommendation {
  candidates: CandidateRow[];
  excludedByReason: { code: string; label: ZhEn; count: number }[];
  excluded: { workerId: string; name: string; reasons: Reason[] }[];
  shortfall: number;
  seed: string | null;
  policyVersion: string | null;
  checksum: string | null;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" ? (v as Obj) : {});
const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const reasons = (v: unknown): Reason[] => (Array.isArray(v) ? (v as Reason[]) : []);

/** Worker fields may sit on the row or under `worker`. */
function who(row: Obj) {
  const w = obj(row.worker);
  return {
    workerId: str(row.workerId ?? w.id ?? row.id),
    name: str(row.name ?? row.workerName ?? w.name),
    workerNo: str(row.workerNo ?? w.workerNo),
    stars: num(row.stars ?? w.stars),
  };
}

/**
 * Reads the answer of `matching.recommend` or `matching.lottery` into rows for the table: the
 * ranked (or drawn) candidates with their score breakdown, and why the others were left out.
 */
export function toRecommendation(data: unknown): Recommendation {
  const d = obj(data);
  const list = (d.ranked ?? d.candidates ?? d.drawn ?? d.items ?? []) as unknown[];
  const candidates = (Array.isArray(list) ? list : []).map((item, i) => {
    const row = typeof item === "string" ? { id: item } : obj(item);
    return { ...who(row), rank: i + 1, score: num(row.score), breakdown: (row.breakdown as Partial<ScoreBreakdown> | undefined) ?? null, reasons: reasons(row.reasons) };
  });
  const byReason = obj(d.excludedByReason);
  const excludedByReason = (Object.keys(EXCLUSION_LABELS) as ExclusionCode[])
    .map((code) => ({ code, label: EXCLUSION_LABELS[code], count: num(byReason[code]) ?? 0 }))
    .filter((e) => e.count > 0);
  const excluded = (Array.isArray(d.excluded) ? d.excluded : []).map((e) => {
    const row = obj(e);
    const w = who(row);
    return { workerId: w.workerId, name: w.name, reasons: reasons(row.reasons) };
  });
  const lottery = obj(d.lottery);
  return {
    candidates,
    excludedByReason,
    excluded,
    shortfall: num(d.shortfall) ?? 0,
    seed: str(d.seed ?? lottery.seed) || null,
    policyVersion: str(d.policyVersion ?? lottery.policyVersion) || null,
    checksum: str(d.checksum ?? lottery.checksum) || null,
  };
}
