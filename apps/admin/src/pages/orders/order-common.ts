import { WAGE_UNIT_LABELS, type WageUnit } from "@lingong/core";
import type { Labelled } from "../ops/ops-common.tsx";

export const ORDER_STATUS: Record<string, Labelled> = {
  draft: { zh: "草稿", en: "Draft", color: "default" },
  published: { zh: "已发布", en: "Published", color: "blue" },
  partly_filled: { zh: "部分到岗", en: "Partly filled", color: "cyan" },
  filled: { zh: "已满员", en: "Filled", color: "green" },
  closed: { zh: "已结束", en: "Closed", color: "default" },
  cancelled: { zh: "已取消", en: "Cancelled", color: "red" },
};

export const DISPATCH_STATUS: Record<string, Labelled> = {
  assigned: { zh: "已派工", en: "Assigned", color: "blue" },
  started: { zh: "已到岗", en: "Started", color: "cyan" },
  completed: { zh: "已完工", en: "Completed", color: "green" },
  no_show: { zh: "未到岗", en: "No-show", color: "red" },
  cancelled: { zh: "已取消", en: "Cancelled", color: "default" },
};

export const WAGE_UNITS: readonly WageUnit[] = ["day", "half_day", "hour"];

/** The unit alone (天 / day), from core's labels. */
export function unitName(unit: string, lang: "zh" | "en"): string {
  const l = WAGE_UNIT_LABELS[unit as WageUnit];
  return l ? (lang === "en" ? l.en : l.zh) : unit;
}

/** The pay unit as the counter says it: 元/天, or yuan/day in English. */
export function wageUnitLabel(unit: string, lang: "zh" | "en"): string {
  return WAGE_UNIT_LABELS[unit as WageUnit] ? `${lang === "en" ? "yuan" : "元"}/${unitName(unit, lang)}` : "";
}

export interface OrderView {
  id: string;
  orderNo: string;
  employerId: string;
  employerName?: string;
  tradeCode: string;
  skillGrade: string;
  minStars: number;
  headcount: number;
  filledCount: number;
  startDate: string;
  endDate: string;
  place: string;
  wageFen: number;
  wageUnit: "day" | "half_day" | "hour";
  requirements: string | null;
  status: string;
}
