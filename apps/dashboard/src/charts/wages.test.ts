import { describe, expect, it } from "vitest";
import { buildWagesOption } from "./wages.ts";
import { seriesOf, tZh, xCategories } from "./test-util.ts";

describe("buildWagesOption", () => {
  it("average wage in yuan with the guidance ends as markers", () => {
    const o = buildWagesOption(
      { unit: "day", trades: [{ trade: "bricklayer", jobs: 2, avgFen: 25_050, guidanceLowFen: 19_800, guidanceMidFen: 22_000, guidanceHighFen: 24_200 }] },
      tZh,
    );
    expect(xCategories(o)).toEqual(["砌筑工"]);
    const [avg, low, high] = seriesOf(o);
    expect(avg).toMatchObject({ type: "bar", data: [250.5] });
    expect(low).toMatchObject({ id: "low", data: [198] });
    expect(high).toMatchObject({ id: "high", data: [242] });
  });
  it("shows at most 15 trades", () => {
    const trades = Array.from({ length: 20 }, (_, i) => ({ trade: `t${i}`, jobs: 1, avgFen: 100, guidanceLowFen: 90, guidanceMidFen: 100, guidanceHighFen: 110 }));
    expect(xCategories(buildWagesOption({ unit: "day", trades }, tZh))).toHaveLength(15);
  });
});
