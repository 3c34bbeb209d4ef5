import type { SupplyDemandData } from "../api-types.ts";
import type { T } from "../i18n.ts";
import { base, round2, tradeLabel, type Option } from "./common.ts";

/** Openings (bars, summed over the selected trades) against distinct job seekers (line) per month. */
export function buildSupplyDemandOption(data: SupplyDemandData, t: T): Option {
  const sum = (pick: (x: SupplyDemandData["trades"][number]) => number[]) =>
    data.months.map((_, i) => data.trades.reduce((a, tr) => a + (pick(tr)[i] ?? 0), 0));
  return {
    ...base(),
    xAxis: { type: "category", data: data.months },
    yAxis: { type: "value" },
    series: [
      { id: "openings", name: t("openings"), type: "bar", data: sum((x) => x.openings) },
      // Distinct seekers from the API: summing the trades would count a worker with two trades twice.
      { id: "seekers", name: t("seekers"), type: "line", data: data.seekersTotal },
    ],
  };
}

/** 求人倍率 per trade over the period, with the balance line at 1. */
export function buildRatioOption(data: SupplyDemandData, t: T): Option {
  const rows = data.ratio.slice(0, 15);
  return {
    ...base(),
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "category", data: rows.map((r) => tradeLabel(r.trade, t)), axisLabel: { rotate: 30 } },
    yAxis: { type: "value" },
    series: [
      {
        id: "ratio",
        name: t("ratio"),
        type: "bar",
        data: rows.map((r) => round2(r.ratio)),
        markLine: { silent: true, symbol: "none", data: [{ yAxis: 1 }] },
      },
    ],
  };
}
