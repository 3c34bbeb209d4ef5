import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMainlandMobile, normalizeMobile } from "./mobile-phone.ts";

describe("normalizeMobile examples", () => {
  it("accepts plain and decorated mainland mobiles", () => {
    expect(normalizeMobile("13812345678")).toBe("13812345678");
    expect(normalizeMobile("+86 138 1234 5678")).toBe("13812345678");
    expect(normalizeMobile("0086-138-1234-5678")).toBe("13812345678");
    expect(normalizeMobile("8613812345678")).toBe("13812345678");
    expect(normalizeMobile(" 199\u30001234\u30005678 ")).toBe("19912345678");
  });

  it("rejects landlines, wrong prefixes and wrong lengths", () => {
    expect(normalizeMobile("12812345678")).toBeNull();
    expect(normalizeMobile("1381234567")).toBeNull();
    expect(normalizeMobile("138123456789")).toBeNull();
    expect(normalizeMobile("0356-2345678")).toBeNull();
    expect(normalizeMobile("1381234567a")).toBeNull();
    expect(normalizeMobile(null)).toBeNull();
    expect(isMainlandMobile("15935612345")).toBe(true);
    expect(isMainlandMobile("")).toBe(false);
  });
});

const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/)).map(([d, rest]) => `1${d}${rest}`);

describe("normalizeMobile properties", () => {
  it("a valid mobile survives any country code and grouping", () => {
    fc.assert(
      fc.property(mobile, fc.constantFrom("", "+86", "+86 ", "0086", "86"), fc.constantFrom("", " ", "-"), (m, cc, sep) => {
        const written = cc + [m.slice(0, 3), m.slice(3, 7), m.slice(7)].join(sep);
        expect(normalizeMobile(written)).toBe(m);
      }),
    );
  });

  it("the result is always null or 11 digits starting 1[3-9]", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = normalizeMobile(s);
        expect(r === null || /^1[3-9]\d{9}$/.test(r)).toBe(true);
      }),
    );
  });
});
