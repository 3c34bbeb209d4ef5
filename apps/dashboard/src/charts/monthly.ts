import type { CostData, ServicesData, TrainingData } from "../api-types.ts";
import type { T } from "../i18n.ts";
import { base, yuan, type Option } from "./common.ts";

/** Enrolments and completions per month. */
export function buildTrainingOption(data: TrainingData, t: T): Option {
  return {
    ...base(),
    xAxis: { type: "category", data: data.months },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { id: "enrolled", name: t("enrolled"), type: "bar", data: data.enrolled },
      { id: "completed", name: t("completed"), type: "bar", data: data.completed },
    ],
  };
}

/** Tool rentals, book loans and hall services per month, one line each. */
export function buildServicesOption(data: ServicesData, t: T): Option {
  return {
    ...base(),
    xAxis: { type: "category", data: data.months },
    yAxis: { type: "value", minInterval: 1 },
    series: data.series.map((s) => ({ id: s.key, name: t(s.key), type: "line", data: s.values })),
  };
}

/** G2: operating cost (bars, yuan) and cost per placement (line, right axis, yuan). */
export function buildCostOption(data: CostData, t: T): Option {
  return {
    ...base(),
    xAxis: { type: "category", data: data.months },
    yAxis: [{ type: "value" }, { type: "value" }],
    series: [
      { id: "cost", name: t("costYuan"), type: "bar", data: data.costFen.map(yuan) },
      { id: "per", name: t("costPer"), type: "line", yAxisIndex: 1, data: data.costPerPlacementFen.map(yuan) },
    ],
  };
}
