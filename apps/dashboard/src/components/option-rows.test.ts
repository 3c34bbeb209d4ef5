import { describe, expect, it } from "vitest";
import { optionToRows } from "./option-rows.ts";

describe("optionToRows", () => {
  it("one header row and one row per category with each series' value", () => {
    const rows = optionToRows(
      { xAxis: { type: "category", data: ["2025-01", "2025-02"] }, series: [{ name: "A", data: [1, null] }, { name: "B", data: [3, 4] }] },
      "月份",
    );
    expect(rows.map((r) => r.map((c) => c?.value ?? null))).toEqual([["月份", "A", "B"], ["2025-01", 1, 3], ["2025-02", null, 4]]);
  });
});
