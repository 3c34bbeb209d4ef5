import { describe, expect, it } from "vitest";
import { isQuickFindShortcut, isTypingTarget, parsePick, pickPath, pickValue, quickFindTerm } from "./quick-find.ts";

describe("quickFindTerm", () => {
  it("searches from two characters on, trimmed", () => {
    expect(quickFindTerm("")).toBeNull();
    expect(quickFindTerm(" 王 ")).toBeNull();
    expect(quickFindTerm("王建")).toBe("王建");
    expect(quickFindTerm("  1381234  ")).toBe("1381234");
  });

  it("counts a character outside the BMP once", () => {
    expect(quickFindTerm("𠮷")).toBeNull();
    expect(quickFindTerm("𠮷一")).toBe("𠮷一");
  });
});

describe("pick values", () => {
  it("round-trips workers, employers and the full-list entry", () => {
    for (const p of [{ kind: "worker", id: "a1" }, { kind: "employer", id: "b2" }, { kind: "all" }] as const) {
      expect(parsePick(pickValue(p))).toEqual(p);
    }
  });

  it("rejects a value that is not one of ours (typed text)", () => {
    expect(parsePick("王建军")).toBeNull();
    expect(parsePick("worker:")).toBeNull();
  });

  it("opens the archive by its opaque id", () => {
    expect(pickPath({ kind: "worker", id: "0b6f" })).toBe("/workers/0b6f");
    expect(pickPath({ kind: "employer", id: "x/y" })).toBe("/employers/x%2Fy");
  });
});

describe("the / shortcut", () => {
  it("leaves text fields alone", () => {
    expect(isTypingTarget({ tagName: "INPUT" })).toBe(true);
    expect(isTypingTarget({ tagName: "textarea" })).toBe(true);
    expect(isTypingTarget({ tagName: "SELECT" })).toBe(true);
    expect(isTypingTarget({ tagName: "DIV", isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: "BODY" })).toBe(false);
    expect(isTypingTarget({ tagName: "BUTTON" })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it("is the bare key only", () => {
    const base = { key: "/", ctrlKey: false, altKey: false, metaKey: false };
    expect(isQuickFindShortcut(base)).toBe(true);
    expect(isQuickFindShortcut({ ...base, ctrlKey: true })).toBe(false);
    expect(isQuickFindShortcut({ ...base, metaKey: true })).toBe(false);
    expect(isQuickFindShortcut({ ...base, isComposing: true })).toBe(false);
    expect(isQuickFindShortcut({ ...base, key: "?" })).toBe(false);
  });
});
