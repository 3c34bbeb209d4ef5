import { residentIdCheckCharacter } from "@lingong/core";
import { describe, expect, it } from "vitest";
import { parseWorkerSheet } from "./worker-import.ts";

const id = (first17: string) => first17 + residentIdCheckCharacter(first17);
const A = id("14052119800101001");
const B = id("14052119900202002");
const HEAD = ["姓名", "身份证号", "手机号", "工种", "技术等级", "从业年限", "乡镇"];

describe("parseWorkerSheet", () => {
  it("maps Chinese headers and catalogue names to codes", () => {
    const r = parseWorkerSheet([HEAD, ["张三", A, "138 0013 8000", "砌筑工、小工/力工", "四级/中级工、无等级", 12, "龙港镇"]], "2024-01-01");
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      {
        row: 2,
        name: "张三",
        idNumber: A,
        phone: "13800138000",
        trades: [
          { tradeCode: "bricklayer", skillGrade: "L4" },
          { tradeCode: "general_labourer", skillGrade: "none" },
        ],
        workYears: 12,
        township: "龙港镇",
      },
    ]);
  });

  it("reports every bad cell with its row and column, and keeps the bad row out", () => {
    const badCheck = A.slice(0, 17) + (A.endsWith("0") ? "1" : "0");
    const r = parseWorkerSheet(
      [HEAD, ["", badCheck, "12345", "宇航员", "", -1, ""], ["李四", B, "13900139000", "砌筑工", "一级/高级技师", 3, ""]],
      "2024-01-01",
    );
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([
      [2, "姓名"],
      [2, "身份证号"],
      [2, "手机号"],
      [2, "工种"],
      [2, "从业年限"],
      [3, "技术等级"],
    ]);
    expect(r.errors[1]?.message).toContain("校验位");
  });

  it("flags the same ID number twice in one sheet", () => {
    const r = parseWorkerSheet([HEAD, ["张三", A, "13800138000", "保洁", "", 0, ""], ["张三", A, "13800138001", "保洁", "", 0, ""]], "2024-01-01");
    expect(r.rows).toHaveLength(1);
    expect(r.errors).toEqual([{ row: 3, field: "身份证号", message: "与第 2 行身份证号重复", messageEn: "Same ID number as row 2" }]);
  });

  it("lists missing required headers and parses nothing", () => {
    const r = parseWorkerSheet([["姓名", "电话"], ["张三", "13800138000"]], "2024-01-01");
    expect(r.missingHeaders).toEqual(["身份证号", "手机号", "工种"]);
    expect(r.rows).toEqual([]);
  });

  it("skips blank lines", () => {
    const r = parseWorkerSheet([HEAD, [null, null, null, null, null, null, null]], "2024-01-01");
    expect(r).toEqual({ rows: [], errors: [], missingHeaders: [] });
  });
});
