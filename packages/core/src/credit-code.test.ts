import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter, isCreditCode, parseCreditCode } from "./credit-code.ts";

describe("parseCreditCode", () => {
  it("accepts published codes", () => {
    // Printed on business licences: 91350100M000100Y43 (the standard's usual example) and 911100001000128855.
    expect(parseCreditCode("91350100M000100Y43")).toEqual({ ok: true, code: "91350100M000100Y43", authority: "9", category: "1", regionCode: "350100" });
    expect(isCreditCode("911100001000128855")).toBe(true);
  });

  it("ignores spaces and lower case", () => {
    const r = parseCreditCode(" 91350100m000100y43 ");
    expect(r.ok && r.code).toBe("91350100M000100Y43");
  });

  it("rejects a wrong check character with the field named", () => {
    const r = parseCreditCode("91350100M000100Y44");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("check");
      expect(r.error.zh).toContain("统一社会信用代码");
      expect(r.error.data).toEqual({ expected: "3", actual: "4" });
    }
  });

  it("rejects length, letters outside the alphabet and a non-numeric region", () => {
    expect(parseCreditCode("9135010")).toMatchObject({ ok: false, error: { code: "length" } });
    expect(parseCreditCode("91350100M000100I43")).toMatchObject({ ok: false, error: { code: "character" } });
    expect(parseCreditCode("9135A100M000100Y43")).toMatchObject({ ok: false, error: { code: "region" } });
  });

  it("check character: 31 wraps to 0", () => {
    // Find a prefix whose weighted sum is a multiple of 31: all zeros.
    expect(creditCodeCheckCharacter("00000000000000000")).toBe("0");
  });
});

const codeChar = fc.constantFrom(...CREDIT_CODE_ALPHABET.split(""));
const first17 = fc
  .tuple(fc.array(codeChar, { minLength: 2, maxLength: 2 }), fc.stringMatching(/^\d{6}$/), fc.array(codeChar, { minLength: 9, maxLength: 9 }))
  .map(([a, r, b]) => a.join("") + r + b.join(""));

describe("properties", () => {
  it("a code completed with its computed check character always validates", () => {
    fc.assert(fc.property(first17, (p) => isCreditCode(p + creditCodeCheckCharacter(p))));
  });

  it("changing any one character of a valid code is always detected", () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 17 }), codeChar, (p, pos, ch) => {
        const code = p + creditCodeCheckCharacter(p);
        fc.pre(code.charAt(pos) !== ch && (pos < 2 || pos > 7 || /\d/.test(ch)));
        const changed = code.slice(0, pos) + ch + code.slice(pos + 1);
        return !isCreditCode(changed);
      }),
    );
  });
});
