import type { WagesData } from "../api-types.ts";
import type { T } from "../i18n.ts";
import { base, tradeLabel, yuan, type Option } from "./common.ts";

/** Average agreed day wage per trade (bars, yuan) with the guidance range's low and high ends as markers. */
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
    yAxis: { type: "value" },
    series: [
      { id: "avg", name: t("avgWage"), type: "bar", data: rows.map((r) => yuan(r.avgFen)) },
      marker("low", t("guidanceLow"), rows.map((r) => yuan(r.guidanceLowFen))),
      marker("high", t("guidanceHigh"), rows.map((r) => yuan(r.guidanceHighFen))),
    ],
  };
}
