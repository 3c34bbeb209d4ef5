import type { EChartsCoreOption } from "echarts/core";
import { findTrade } from "@lingong/core";
import type { T } from "../i18n.ts";

export type Option = EChartsCoreOption;

/** A trade code in the current language (the code itself when unknown). */
export function tradeLabel(code: string, t: T): string {
  const trade = findTrade(code);
  if (!trade) return t(code);
  return t("lang") === "English" ? trade.zh : trade.en;
}

export const pct = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 1000) / 10);
export const round2 = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 100) / 100);
export const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? null : Math.round(fen) / 100);

export const base = (): Option => ({
  tooltip: { trigger: "axis" },
  legend: { top: 0 },
  grid: { left: 48, right: 48, top: 40, bottom: 32, containLabel: true },
  animation: false,
});
