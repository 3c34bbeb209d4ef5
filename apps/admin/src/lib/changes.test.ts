import { describe, expect, it } from "vitest";
import { describeChange } from "./changes.ts";

describe("describeChange", () => {
  it("names each changed field in Chinese with its old and new value", () => {
    expect(describeChange({ tempAddress: null, workYears: 3 }, { tempAddress: "龙港镇西街18号", workYears: 3 })).toEqual(["暂住地址：（空） → 龙港镇西街18号"]);
  });

  it("shows trades by catalogue name and grade label", () => {
    expect(describeChange({ trades: [{ code: "bricklayer", skillGrade: "none" }] }, { trades: [{ code: "bricklayer", skillGrade: "L4" }] })).toEqual([
      "工种：砌筑工·无等级 → 砌筑工·四级/中级工",
    ]);
  });

  it("keeps unknown fields by key and ignores non-objects", () => {
    expect(describeChange(null, { extra: 1 })).toEqual(["extra：（空） → 1"]);
    expect(describeChange("x", 5)).toEqual([]);
  });
});
