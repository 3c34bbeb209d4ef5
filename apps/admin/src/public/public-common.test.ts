import { describe, expect, it } from "vitest";
import { dateText, publicMarketCode, rotatePage, wageRangeText, wageText } from "./public-common.ts";

describe("public screen helpers", () => {
  it("rotates through pages and wraps around", () => {
    const items = [1, 2, 3, 4, 5];
    expect(rotatePage(items, 2, 0)).toEqual([1, 2]);
    expect(rotatePage(items, 2, 2)).toEqual([5]);
    expect(rotatePage(items, 2, 3)).toEqual([1, 2]);
    expect(rotatePage(items, 10, 7)).toEqual(items);
  });

  it("writes wages and dates the way the hall reads them", () => {
    expect(wageText(25000, "day")).toBe("¥250/天");
    expect(wageText(2550, "hour")).toBe("¥25.50/小时");
    expect(wageRangeText(18000, 22000, "day")).toBe("¥180–¥220/天");
    expect(wageRangeText(20000, 20000, "day")).toBe("¥200/天");
    expect(dateText("2024-05-01", "2024-05-01")).toBe("5月1日");
    expect(dateText("2024-05-01", "2024-05-03")).toBe("5月1日—5月3日");
  });

  it("writes wages and dates in English for visitors", () => {
    expect(wageText(25000, "day", "en")).toBe("¥250/day");
    expect(wageRangeText(18000, 22000, "half_day", "en")).toBe("¥180–¥220/half day");
    expect(dateText("2024-05-01", "2024-05-01", "en")).toBe("May 1");
    expect(dateText("2024-12-30", "2025-01-02", "en")).toBe("Dec 30–Jan 2");
  });

  it("takes the market code from the address only when it is six digits", () => {
    expect(publicMarketCode("?market=140522")).toBe("140522");
    expect(publicMarketCode("?market=x<script>")).toBe("140521");
  });
});
