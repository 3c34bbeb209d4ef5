import type { PlacementData, RateRow } from "../api-types.ts";
import type { T } from "../i18n.ts";
import { base, pct, type Option } from "./common.ts";

/** Distinct placed workers (bars) and placement rate % (line, right axis) per month. */
export function buildPlacementTrendOption(data: PlacementData, t: T): Option {
  return {
    ...base(),
    xAxis: { type: "category", data: data.byMonth.map((m) => m.month) },
    yAxis: [{ type: "value" }, { type: "value", axisLabel: { formatter: "{value}%" } }],
    series: [
      { id: "placed", name: t("placedWorkers"), type: "bar", data: data.byMonth.map((m) => m.placed) },
      { id: "rate", name: t("rate"), type: "line", yAxisIndex: 1, data: data.byMonth.map((m) => pct(m.rate)) },
    ],
  };
}

/** Placement rate % per group (township, trade or star grade); `label` turns a key into text. */
export function buildRateBarOption(rows: RateRow[], t: T, label: (row: RateRow) => string = (r) => r.label): Option {
  return {
    ...base(),
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "category", data: rows.map(label), axisLabel: { rotate: rows.length > 8 ? 30 : 0 } },
    yAxis: { type: "value", axisLabel: { formatter: "{value}%" } },
    series: [{ id: "rate", name: t("rate"), type: "bar", data: rows.map((r) => pct(r.rate)) }],
  };
}
