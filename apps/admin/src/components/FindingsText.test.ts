import { checkDiscrimination } from "@lingong/core";
import { describe, expect, it } from "vitest";
import { markFindings } from "./FindingsText.tsx";

describe("markFindings", () => {
  it("marks exactly the words core flagged and keeps every character", () => {
    const text = "招砌筑工2名，限男性，年龄45岁以下";
    const { findings } = checkDiscrimination(text);
    expect(findings.length).toBeGreaterThan(0);
    const parts = markFindings(text, findings);
    expect(parts.map((p) => p.text).join("")).toBe(text);
    expect(parts.filter((p) => p.flagged).map((p) => p.text)).toEqual(findings.map((f) => f.match).sort((a, b) => text.indexOf(a) - text.indexOf(b)));
  });

  it("merges overlapping findings and ignores offsets outside the text", () => {
    const parts = markFindings("abcdef", [
      { index: 1, match: "bcd" },
      { index: 2, match: "cde" },
      { index: 10, match: "x" },
    ]);
    expect(parts).toEqual([
      { text: "a", flagged: false },
      { text: "bcd", flagged: true },
      { text: "e", flagged: true },
      { text: "f", flagged: false },
    ]);
  });
});
