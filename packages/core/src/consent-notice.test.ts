import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { consentNotice, CONSENT_NOTICES, CURRENT_CONSENT_VERSION } from "./consent-notice.ts";

describe("consent notice examples", () => {
  it("returns the 2024-01 notice in Chinese and English", () => {
    const n = consentNotice("2024-01");
    expect(n?.version).toBe("2024-01");
    expect(n?.zh.split("\n")).toHaveLength(6);
    expect(n?.en.split("\n")).toHaveLength(6);
    expect(n?.zh).toContain("身份证号");
    expect(n?.zh).toContain("撤回同意");
    expect(n?.en).toContain("withdraw consent");
  });

  it("knows the current version", () => {
    expect(consentNotice(CURRENT_CONSENT_VERSION)).not.toBeNull();
    expect(CONSENT_NOTICES.at(-1)?.version).toBe(CURRENT_CONSENT_VERSION);
  });

  it("refuses versions never published, including near misses", () => {
    for (const v of ["", "2024-1", " 2024-01", "2024-01 ", "2099-01", "test-1"]) expect(consentNotice(v)).toBeNull();
  });

  it("cannot be edited at run time", () => {
    expect(Object.isFrozen(CONSENT_NOTICES)).toBe(true);
    expect(Object.isFrozen(CONSENT_NOTICES[0])).toBe(true);
  });
});

describe("consent notice properties", () => {
  it("versions are unique and ordered by the day they took effect", () => {
    const versions = CONSENT_NOTICES.map((n) => n.version);
    expect(new Set(versions).size).toBe(versions.length);
    const days = CONSENT_NOTICES.map((n) => n.effectiveFrom);
    expect([...days].sort()).toEqual(days);
  });

  it("every published notice has both languages with the same paragraphs", () => {
    for (const n of CONSENT_NOTICES) {
      expect(n.zh.trim()).not.toBe("");
      expect(n.en.trim()).not.toBe("");
      expect(n.en.split("\n")).toHaveLength(n.zh.split("\n").length);
    }
  });

  it("lookup finds a notice exactly when the version was published", () => {
    const known = new Set(CONSENT_NOTICES.map((n) => n.version));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...known)), (v) => {
        const n = consentNotice(v);
        expect(n !== null).toBe(known.has(v));
        if (n) expect(n.version).toBe(v);
      }),
    );
  });
});
