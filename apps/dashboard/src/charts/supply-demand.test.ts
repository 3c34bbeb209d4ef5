import { describe, expect, it } from "vitest";
import { buildRatioOption, buildSupplyDemandOption } from "./supply-demand.ts";
import { seriesOf, tEn, tZh, xCategories } from "./test-util.ts";

const data = {
  months: ["2025-01", "2025-02"],
  trades: [
    { trade: "bricklayer", openings: [4, 6], seekers: [10, 12], placements: [3, 5] },
    { trade: "electrician", openings: [1, 0], seekers: [2, 2], placements: [1, 0] },
  ],
  // One bricklayer is also an electrician: 11 and 13 distinct seekers, not 12 and 14.
  seekersTotal: [11, 13],
  ratio: [
    { trade: "bricklayer", openings: 10, seekers: 12, placements: 8, ratio: 10 / 12, fillRate: 0.8 },
    { trade: "electrician", openings: 1, seekers: 2, placements: 1, ratio: 0.5, fillRate: 1 },
  ],
};

describe("buildSupplyDemandOption", () => {
  it("sums openings over trades per month and draws the distinct seekers", () => {
    const o = buildSupplyDemandOption(data, tZh);
    expect(xCategories(o)).toEqual(["2025-01", "2025-02"]);
    const [openings, seekers] = seriesOf(o);
    expect(openings).toMatchObject({ id: "openings", name: "需求岗位数", type: "bar", data: [5, 6] });
    expect(seekers).toMatchObject({ id: "seekers", name: "求职登记人数", type: "line", data: [11, 13] });
  });
  it("draws empty series for an empty period", () => {
    const o = buildSupplyDemandOption({ months: [], trades: [], seekersTotal: [], ratio: [] }, tEn);
    expect(seriesOf(o).map((s) => s.data)).toEqual([[], []]);
  });
});

describe("buildRatioOption", () => {
  it("one bar per trade with the ratio rounded to 2 decimals and trade names in the language", () => {
    const o = buildRatioOption(data, tZh);
    expect(xCategories(o)).toEqual(["砌筑工", "电工"]);
    expect(seriesOf(o)[0]!.data).toEqual([0.83, 0.5]);
    expect(xCategories(buildRatioOption(data, tEn))).toEqual(["Bricklayer", "Electrician"]);
  });
  it("keeps a null ratio (no seekers) as a gap, not 0", () => {
    const o = buildRatioOption({ ...data, ratio: [{ trade: "welder", openings: 3, seekers: 0, placements: 0, ratio: null, fillRate: 0 }] }, tZh);
    expect(seriesOf(o)[0]!.data).toEqual([null]);
  });
});
