import { describe, expect, it } from "vitest";
import { buildStarMovementOption, buildStarsOption } from "./stars.ts";
import { seriesOf, tZh, xCategories } from "./test-util.ts";

const data = {
  months: ["2025-01", "2025-02"],
  distribution: [0, 1, 2, 3, 4, 5].map((s) => ({ stars: s, workers: 10 - s })),
  up: [3, 1],
  down: [2, 0],
};

describe("buildStarsOption", () => {
  it("six grades from 无星 to 5星", () => {
    const o = buildStarsOption(data, tZh);
    expect(xCategories(o)).toEqual(["无星", "1星", "2星", "3星", "4星", "5星"]);
    expect(seriesOf(o)[0]!.data).toEqual([10, 9, 8, 7, 6, 5]);
  });
});

describe("buildStarMovementOption", () => {
  it("promotions above zero and demotions below", () => {
    const [up, down] = seriesOf(buildStarMovementOption(data, tZh));
    expect(up!.data).toEqual([3, 1]);
    expect(down!.data).toEqual([-2, -0]);
  });
});
