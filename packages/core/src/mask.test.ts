import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskName, maskPhone, maskResidentId } from "./mask.ts";

describe("mask examples", () => {
  it("shows the first 6 and last 4 of a resident ID number", () => {
    expect(maskResidentId("11010519491231002X")).toBe("110105********002X");
    expect(maskResidentId(" 110105 19491231 002X")).toBe("110105********002X");
    expect(maskResidentId("110105491231002")).toBe("110105*****1002");
    expect(maskResidentId("1234567890")).toBe("**********");
    expect(maskResidentId(null)).toBe("");
  });

  it("shows 3 + 4 of a phone, normalising mainland mobiles", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("+86 138-1234-5678")).toBe("138****5678");
    expect(maskPhone("0356-1234567")).toBe("035*****4567");
    expect(maskPhone("1234567")).toBe("*******");
    expect(maskPhone(undefined)).toBe("");
  });

  it("keeps the surname of a name and masks the rest", () => {
    expect(maskName("张三")).toBe("张*");
    expect(maskName("王小明")).toBe("王**");
    expect(maskName("欧阳娜娜")).toBe("欧阳**");
    expect(maskName("欧阳")).toBe("欧*");
    expect(maskName("李")).toBe("*");
    expect(maskName("买买提·艾力")).toBe("买*****");
    expect(maskName("")).toBe("");
    expect(maskName("𠮷野家")).toBe("𠮷**");
  });
});

describe("mask properties", () => {
  it("no middle digit survives in a masked resident ID number", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("0", "1", "5", "9", "X", "x", " ", "-", "a") }), (s) => {
        const out = Array.from(maskResidentId(s));
        const middle = out.length > 10 ? out.slice(6, out.length - 4) : out;
        expect(middle.every((c) => c === "*")).toBe(true);
      }),
    );
  });

  it("an 18-character id always masks to 18 characters with the same ends", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
        const out = maskResidentId(id);
        expect(out).toHaveLength(18);
        expect(out.slice(0, 6)).toBe(id.slice(0, 6));
        expect(out.slice(14)).toBe(id.slice(14));
        expect(out.slice(6, 14)).toBe("********");
      }),
    );
  });

  it("no middle digit survives in a masked phone", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("0", "1", "3", "8", "+", " ", "-", "6") }), (s) => {
        const out = Array.from(maskPhone(s));
        const middle = out.length > 7 ? out.slice(3, out.length - 4) : out;
        expect(middle.every((c) => c === "*")).toBe(true);
        expect(out.filter((c) => c !== "*").length).toBeLessThanOrEqual(7);
      }),
    );
  });

  it("a masked name shows at most its surname and always hides something", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (name) => {
        const out = Array.from(maskName(name));
        const shown = out.filter((c) => c !== "*").length;
        expect(shown).toBeLessThanOrEqual(2);
        if (out.length > 0) expect(out[out.length - 1]).toBe("*");
      }),
    );
  });

  it("masking never throws on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(typeof maskResidentId(s)).toBe("string");
        expect(typeof maskPhone(s)).toBe("string");
        expect(typeof maskName(s)).toBe("string");
      }),
    );
  });
});
