import type { Option } from "../charts/common.ts";

type Cell = { value: string | number; fontWeight?: "bold" } | null;

/**
 * The table behind a category chart, for the Excel export: one row per category, one column per
 * series (header row first).
 */
export function optionToRows(option: Option, categoryHeader: string): Cell[][] {
  const axis = Array.isArray(option.xAxis) ? option.xAxis[0] : option.xAxis;
  const categories = ((axis as { data?: unknown[] } | undefined)?.data ?? []) as (string | number)[];
  const series = (option.series ?? []) as { name?: string; data?: unknown[] }[];
  const header = [{ value: categoryHeader, fontWeight: "bold" as const }, ...series.map((s) => ({ value: s.name ?? "", fontWeight: "bold" as const }))];
  const rows: Cell[][] = categories.map((c, i) => [
    { value: c },
    ...series.map((s): Cell => {
      const v = s.data?.[i];
      return typeof v === "number" || typeof v === "string" ? { value: v } : null;
    }),
  ]);
  return [header, ...rows];
}
