import { describe, expect, it } from "vitest";
import { COST_CATEGORIES, COST_CATEGORY_LABELS } from "./cost-categories.ts";

describe("cost categories", () => {
  it("labels every category in Chinese and English, with no label for an unknown one", () => {
    for (const c of COST_CATEGORIES) {
      expect(COST_CATEGORY_LABELS[c].zh).toMatch(/\p{Script=Han}/u);
      expect(COST_CATEGORY_LABELS[c].en.length).toBeGreaterThan(0);
    }
    expect(Object.keys(COST_CATEGORY_LABELS).sort()).toEqual([...COST_CATEGORIES].sort());
  });
});
