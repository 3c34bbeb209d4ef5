import { describe, expect, it } from "vitest";
import { buildComplaintsOption, buildResolutionOption } from "./complaints.ts";
import { seriesOf, tEn, tZh, xCategories } from "./test-util.ts";

const data = {
  months: ["2025-01", "2025-02"],
  categories: [
    { category: "wage_arrears", filed: [2, 1], upheld: 1 },
    { category: "quality", filed: [0, 3], upheld: 0 },
  ],
  per100Jobs: [4.444, null],
  resolution: [
    { category: "wage_arrears", closed: 2, avgDays: 6.5 },
    { category: "quality", closed: 0, avgDays: null },
  ],
};

describe("buildComplaintsOption", () => {
  it("stacks one bar series per category and adds the per-100-jobs line", () => {
    const s = seriesOf(buildComplaintsOption(data, tZh));
    expect(s.map((x) => x.name)).toEqual(["欠薪", "质量", "百单投诉数"]);
    expect(s[0]).toMatchObject({ stack: "filed", data: [2, 1] });
    expect(s[2]).toMatchObject({ type: "line", yAxisIndex: 1, data: [4.44, null] });
  });
});

describe("buildResolutionOption", () => {
  it("average days per category, in English too", () => {
    const o = buildResolutionOption(data, tEn);
    expect(xCategories(o)).toEqual(["Wage arrears", "Quality"]);
    expect(seriesOf(o)[0]!.data).toEqual([6.5, null]);
  });
});
