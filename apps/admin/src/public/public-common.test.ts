import { describe, expect, it } from "vitest";
import { dateText, jobsTextEn, publicMarketCode, rotatePage, wageRangeText, wageText, type PublicJob } from "./public-common.ts";

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

  it("writes the English WeChat text from the jobs shown, one order or all still short of people", () => {
    const job = (id: string, left: number, extra: Partial<PublicJob> = {}): PublicJob => ({
      id, orderNo: `D-${id}`, trade: { code: "general_labour", zh: "小工/力工", en: "General labourer" }, headcountLeft: left,
      wageFen: 20000, wageUnit: "day", township: "龙港镇", place: "东大街 3 号", startDate: "2024-05-01", endDate: "2024-05-01", minStars: 0, ...extra,
    });
    const jobs = [job("a", 3), job("b", 0), job("c", 1, { endDate: "2024-05-03", minStars: 2, township: null })];
    expect(jobsTextEn("Qinshui", "2024-05-01", jobs, "a")).toBe(
      "[Qinshui · Job]\n\n[General labourer] 3 more needed\nPay: ¥200/day\nPlace: 龙港镇 东大街 3 号\nDates: 2024-05-01\nNo.: D-a\n\n" +
        "Sign up at the gig market's service hall and quote the number to the staff. A free public service: no fees of any kind.",
    );
    const all = jobsTextEn("Qinshui", "2024-05-01", jobs);
    expect(all.startsWith("[Qinshui · Jobs on 2024-05-01] 2 in all\n\n")).toBe(true);
    expect(all).not.toContain("D-b");
    expect(all).toContain("Place: 东大街 3 号\nDates: 2024-05-01 to 2024-05-03\nRequires: workers with 2 stars or more\nNo.: D-c");
    expect(jobsTextEn("Qinshui", "2024-05-01", [])).toContain("No jobs posted today");
  });
});
