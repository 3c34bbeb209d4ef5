import { describe, expect, it } from "vitest";
import { buildCostOption, buildServicesOption, buildTrainingOption } from "./monthly.ts";
import { seriesOf, tEn, tZh } from "./test-util.ts";

describe("buildTrainingOption", () => {
  it("enrolled and completed bars", () => {
    const s = seriesOf(buildTrainingOption({ months: ["2025-01"], enrolled: [5], completed: [3] }, tZh));
    expect(s.map((x) => [x.name, x.data])).toEqual([["报名", [5]], ["结业", [3]]]);
  });
});

describe("buildServicesOption", () => {
  it("one line per service kind with its label", () => {
    const s = seriesOf(buildServicesOption({ months: ["2025-01"], series: [{ key: "book_loans", values: [4] }, { key: "service:meal", values: [30] }] }, tEn));
    expect(s.map((x) => [x.name, x.type, x.data])).toEqual([["Book loans", "line", [4]], ["Meals", "line", [30]]]);
  });
});

describe("buildCostOption", () => {
  it("cost and cost per placement in yuan; no placements leaves a gap", () => {
    const [cost, per] = seriesOf(buildCostOption({ months: ["2025-01", "2025-02"], costFen: [1_000_000, 500_000], placements: [40, 0], costPerPlacementFen: [25_000, null] }, tZh));
    expect(cost!.data).toEqual([10_000, 5_000]);
    expect(per).toMatchObject({ yAxisIndex: 1, data: [250, null] });
  });
});
