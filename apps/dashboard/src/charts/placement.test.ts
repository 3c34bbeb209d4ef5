import { describe, expect, it } from "vitest";
import { buildPlacementTrendOption, buildRateBarOption } from "./placement.ts";
import { seriesOf, tZh, xCategories } from "./test-util.ts";

const rows = [
  { key: "a", label: "龙港镇", placed: 3, seekers: 12, rate: 0.25 },
  { key: "b", label: "中村镇", placed: 0, seekers: 0, rate: null },
];

describe("buildPlacementTrendOption", () => {
  it("placed workers as bars and the rate in percent on the right axis", () => {
    const o = buildPlacementTrendOption(
      { months: ["2025-03"], byMonth: [{ month: "2025-03", placed: 2, seekers: 3, rate: 2 / 3 }], byTownship: [], byTrade: [], byStars: [] },
      tZh,
    );
    const [placed, rate] = seriesOf(o);
    expect(placed).toMatchObject({ type: "bar", data: [2] });
    expect(rate).toMatchObject({ type: "line", yAxisIndex: 1, data: [66.7] });
  });
});

describe("buildRateBarOption", () => {
  it("one bar per group, percent with one decimal, null stays a gap", () => {
    const o = buildRateBarOption(rows, tZh);
    expect(xCategories(o)).toEqual(["龙港镇", "中村镇"]);
    expect(seriesOf(o)[0]!.data).toEqual([25, null]);
  });
  it("uses the label function given", () => {
    expect(xCategories(buildRateBarOption(rows, tZh, (r) => r.key.toUpperCase()))).toEqual(["A", "B"]);
  });
});
