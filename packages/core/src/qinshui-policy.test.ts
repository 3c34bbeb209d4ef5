import { describe, expect, it } from "vitest";
import { DEFAULT_EMPLOYER_POLICY } from "./employer-record.ts";
import { DEFAULT_GRADING_POLICY } from "./grading-policy.ts";
import { checkOfferedWage, DEFAULT_GUIDANCE_WAGE_POLICY } from "./guidance-wage.ts";
import { DEFAULT_MATCHING_POLICY } from "./matching-policy.ts";
import { QINSHUI_POLICY, type PolicyBundle } from "./qinshui-policy.ts";
import { DEFAULT_REWARD_POLICY } from "./rewards.ts";
import { DEFAULT_SANCTION_POLICY } from "./sanction-policy.ts";

describe("QINSHUI_POLICY", () => {
  it("bundles each rule's default policy under a version", () => {
    expect(QINSHUI_POLICY.version).toBe("qinshui-2023-07");
    expect(QINSHUI_POLICY.grading).toBe(DEFAULT_GRADING_POLICY);
    expect(QINSHUI_POLICY.matching).toBe(DEFAULT_MATCHING_POLICY);
    expect(QINSHUI_POLICY.wages).toBe(DEFAULT_GUIDANCE_WAGE_POLICY);
    expect(QINSHUI_POLICY.sanctions).toBe(DEFAULT_SANCTION_POLICY);
    expect(QINSHUI_POLICY.rewards).toBe(DEFAULT_REWARD_POLICY);
    expect(QINSHUI_POLICY.employer).toBe(DEFAULT_EMPLOYER_POLICY);
    expect(Object.keys(QINSHUI_POLICY).sort()).toEqual(["employer", "grading", "matching", "rewards", "sanctions", "version", "wages"]);
  });

  it("every part carries its own version string", () => {
    for (const [key, part] of Object.entries(QINSHUI_POLICY)) {
      if (key === "version") continue;
      expect(typeof (part as { version: unknown }).version, key).toBe("string");
    }
  });

  it("another county changes numbers, not code (the README's example)", () => {
    const other: PolicyBundle = {
      ...QINSHUI_POLICY,
      version: "yangcheng-2025-01",
      wages: { ...QINSHUI_POLICY.wages, version: "yangcheng-wage-2025", dayRateFen: { ...QINSHUI_POLICY.wages.dayRateFen, general_labourer: { none: 16_000 } } },
    };
    const offer = { trade: "general_labourer", skillGrade: "none" as const, unit: "day" as const, offeredFen: 12_500 };
    expect(checkOfferedWage(QINSHUI_POLICY.wages, offer).belowFloor).toBe(false);
    const check = checkOfferedWage(other.wages, { ...offer, offeredFen: 12_000 });
    expect(check.belowFloor).toBe(true);
    expect(check.reasons[0]?.zh).toBe("报酬低于指导价下限 ¥129.60/天（报价 ¥120.00）");
    expect(checkOfferedWage(other.wages, offer).belowFloor).toBe(true);
  });
});
