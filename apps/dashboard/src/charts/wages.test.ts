import { describe, expect, it } from "vitest";
import { buildWagesOption } from "./wages.ts";
import { seriesOf, tEn, tZh, xCategories } from "./test-util.ts";

describe("buildWagesOption", () => {
  it("average wage in yuan with the guidance ends as markers and the wage-to-guidance ratio in % on the right axis", () => {
    const o = buildWagesOption(
      { unit: "day", trades: [{ trade: "bricklayer", jobs: 2, avgFen: 25_050, guidanceLowFen: 19_800, guidanceMidFen: 22_000, guidanceHighFen: 24_200, ratio: 1.13863 }] },
      tZh,
    );
    expect(xCategories(o)).toEqual(["砌筑工"]);
    const [avg, low, high, ratio] = seriesOf(o);
    expect(avg).toMatchObject({ type: "bar", data: [250.5] });
    expect(low).toMatchObject({ id: "low", data: [198] });
    expect(high).toMatchObject({ id: "high", data: [242] });
    expect(ratio).toMatchObject({ id: "ratio", name: "工资/指导价中位", yAxisIndex: 1, data: [113.9] });
    expect(seriesOf(buildWagesOption({ unit: "day", trades: [] }, tEn)).map((s) => s.name)).toContain("Wage ÷ guidance midpoint");
  });
  it("shows at most 15 trades; a trade without a ratio has no point", () => {
    const trades = Array.from({ length: 20 }, (_, i) => ({ trade: `t${i}`, jobs: 1, avgFen: 100, guidanceLowFen: 90, guidanceMidFen: 100, guidanceHighFen: 110, ratio: i === 0 ? null : 1 }));
    const o = buildWagesOption({ unit: "day", trades }, tZh);
    expect(xCategories(o)).toHaveLength(15);
    expect(seriesOf(o)[3]!.data?.slice(0, 2)).toEqual([null, 100]);
  });
});
