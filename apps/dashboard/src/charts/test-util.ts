import { translator } from "../i18n.ts";
import type { Option } from "./common.ts";

export const tZh = translator("zh");
export const tEn = translator("en");

interface SeriesLike { id?: string; name?: string; type?: string; data?: unknown[]; yAxisIndex?: number; stack?: string }

/** The option's series as plain objects (builders always return an array). */
export function seriesOf(option: Option): SeriesLike[] {
  return option.series as SeriesLike[];
}

export function xCategories(option: Option): unknown[] {
  return ((option.xAxis as { data?: unknown[] }).data ?? []) as unknown[];
}
