import { describe, expect, it } from "vitest";
import { exportFileName, toSheetRows } from "./excel.ts";

describe("toSheetRows", () => {
  it("writes a header row and one row per record in column order", () => {
    const rows = toSheetRows(
      [
        { title: "姓名", value: (w: { name: string; star: number | null }) => w.name },
        { title: "星级", value: (w) => w.star },
      ],
      [
        { name: "张三", star: 3 },
        { name: "李四", star: null },
      ],
    );
    expect(rows).toEqual([
      ["姓名", "星级"],
      ["张三", 3],
      ["李四", null],
    ]);
  });
});

describe("exportFileName", () => {
  it("appends the day and removes characters a file name cannot hold", () => {
    expect(exportFileName("零工/档案", "2024-05-01")).toBe("零工_档案-2024-05-01.xlsx");
  });
});
