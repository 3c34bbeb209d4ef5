import type { WagesData } from "../api-types.ts";
import type { T } from "../i18n.ts";
import { base, pct, tradeLabel, yuan, type Option } from "./common.ts";

/**
 * Average agreed day wage per trade (bars, yuan) with the guidance range's low and high ends as markers (each
 * job against its own county's table, averaged over jobs), and wage ÷ guidance midpoint in % on the right axis.
 */
export function buildWagesOption(data: WagesData, t: T): Option {
  const rows = data.trades.slice(0, 15);
  const marker = (id: string, name: string, values: (number | null)[]) => ({
    id,
    name,
    type: "line",
    data: values,
    symbol: "rect",
    symbolSize: [18, 3],
    lineStyle: { opacity: 0 },
  });
  return {
    ...base(),
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "category", data: rows.map((r) => tradeLabel(r.trade, t)), axisLabel: { rotate: 30 } },
    yAxis: [{ type: "value" }, { type: "value", axisLabel: { formatter: "{value}%" }, splitLine: { show: false } }],
    series: [
      { id: "avg", name: t("avgWage"), type: "bar", data: rows.map((r) => yuan(r.avgFen)) },
      marker("low", t("guidanceLow"), rows.map((r) => yuan(r.guidanceLowFen))),
      marker("high", t("guidanceHigh"), rows.map((r) => yuan(r.guidanceHighFen))),
      { id: "ratio", name: t("wageToGuidanceRatio"), type: "line", yAxisIndex: 1, symbol: "diamond", symbolSize: 9, lineStyle: { opacity: 0 }, data: rows.map((r) => pct(r.ratio)) },
    ],
  };
}
