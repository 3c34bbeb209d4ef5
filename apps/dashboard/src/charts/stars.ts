import type { StarsData } from "../api-types.ts";
import type { T } from "../i18n.ts";
import { base, type Option } from "./common.ts";

export const starLabel = (s: number, t: T) => (s === 0 ? t("noStar") : `${s}${t("star")}`);

/** Job seekers by current star grade (无星 to 5 stars). */
export function buildStarsOption(data: StarsData, t: T): Option {
  return {
    ...base(),
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "category", data: data.distribution.map((d) => starLabel(d.stars, t)) },
    yAxis: { type: "value", minInterval: 1 },
    series: [{ id: "workers", name: t("seekers"), type: "bar", data: data.distribution.map((d) => d.workers) }],
  };
}

/** Promotions up and demotions down (drawn below zero) per month. */
export function buildStarMovementOption(data: StarsData, t: T): Option {
  return {
    ...base(),
    xAxis: { type: "category", data: data.months },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { id: "up", name: t("up"), type: "bar", stack: "move", data: data.up },
      { id: "down", name: t("down"), type: "bar", stack: "move", data: data.down.map((v) => -v) },
    ],
  };
}
