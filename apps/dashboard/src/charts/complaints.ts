import type { ComplaintsData } from "../api-types.ts";
import type { T } from "../i18n.ts";
import { base, round2, type Option } from "./common.ts";

/** Complaints filed per month stacked by category, with complaints per 100 jobs on the right axis. */
export function buildComplaintsOption(data: ComplaintsData, t: T): Option {
  return {
    ...base(),
    xAxis: { type: "category", data: data.months },
    yAxis: [{ type: "value", minInterval: 1 }, { type: "value" }],
    series: [
      ...data.categories.map((c) => ({ id: c.category, name: t(c.category), type: "bar", stack: "filed", data: c.filed })),
      { id: "per100", name: t("per100"), type: "line", yAxisIndex: 1, data: data.per100Jobs.map(round2) },
    ],
  };
}

/** Average days from filing to closing, per category. */
export function buildResolutionOption(data: ComplaintsData, t: T): Option {
  return {
    ...base(),
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "category", data: data.resolution.map((r) => t(r.category)) },
    yAxis: { type: "value" },
    series: [{ id: "avgDays", name: t("avgDays"), type: "bar", data: data.resolution.map((r) => round2(r.avgDays)) }],
  };
}
