import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./dates.ts";
import { parseResidentId, residentIdCheckCharacter, upgradeLegacyResidentId } from "./resident-id.ts";

describe("parseResidentId examples", () => {
  it("accepts the standard's first example (female, X check character)", () => {
    expect(parseResidentId("11010519491231002X")).toEqual({
      ok: true,
      id: "11010519491231002X",
      regionCode: "110105",
      birthDate: "1949-12-31",
      gender: "female",
    });
  });

  it("accepts the standard's second example born in 1880 (male)", () => {
    const r = parseResidentId("440524188001010014");
    expect(r).toMatchObject({ ok: true, regionCode: "440524", birthDate: "1880-01-01", gender: "male" });
  });

  it("accepts a lower-case x and spaces, returning the normalised number", () => {
    const r = parseResidentId("  110105 19491231 002x ");
    expect(r.ok && r.id).toBe("11010519491231002X");
  });

  it("upgrades a legacy 15-digit number", () => {
    expect(upgradeLegacyResidentId("110105491231002")).toBe("11010519491231002X");
    expect(parseResidentId("110105491231002")).toEqual({
      ok: true,
      id: "11010519491231002X",
      regionCode: "110105",
      birthDate: "1949-12-31",
      gender: "female",
      upgradedFrom15: true,
    });
    expect(upgradeLegacyResidentId("11010549123100")).toBeNull();
  });

  it("rejects a wrong length", () => {
    const r = parseResidentId("11010519491231002");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("length");
      expect(r.error.zh).toContain("身份证号");
    }
    expect(parseResidentId("")).toMatchObject({ ok: false, error: { code: "length" } });
  });

  it("rejects a letter other than a final X", () => {
    expect(parseResidentId("11010519491231002A")).toMatchObject({ ok: false, error: { code: "character" } });
    expect(parseResidentId("1101051949123100X2")).toMatchObject({ ok: false, error: { code: "character" } });
    expect(parseResidentId("11010549123100X")).toMatchObject({ ok: false, error: { code: "character" } });
  });

  it("rejects a birth date that is not on the calendar, too early, or in the future", () => {
    const feb30 = "110105194902300" + "00";
    const id = feb30 + residentIdCheckCharacter(feb30);
    expect(parseResidentId(id)).toMatchObject({ ok: false, error: { code: "date" } });

    const early = "11010517991231002";
    expect(parseResidentId(early + residentIdCheckCharacter(early))).toMatchObject({ ok: false, error: { code: "date" } });

    const future = "11010520300101001";
    const futureId = future + residentIdCheckCharacter(future);
    expect(parseResidentId(futureId, { today: "2024-06-01" })).toMatchObject({ ok: false, error: { code: "date" } });
    expect(parseResidentId(futureId).ok).toBe(true);
  });

  it("accepts a person born today", () => {
    const first17 = "14052120240601001";
    expect(parseResidentId(first17 + residentIdCheckCharacter(first17), { today: "2024-06-01" }).ok).toBe(true);
  });

  it("rejects a wrong check character and says which one is expected", () => {
    const r = parseResidentId("110105194912310021");
    expect(r).toMatchObject({ ok: false, error: { code: "check", data: { expected: "X" } } });
    if (!r.ok) expect(r.error.zh).toBe("身份证号校验位不正确，应为 X");
  });

  it("never throws on odd input", () => {
    expect(parseResidentId(undefined as unknown as string).ok).toBe(false);
    expect(() => residentIdCheckCharacter("123")).toThrow(RangeError);
  });
});

/** A valid 18-character number built from an arbitrary region, a real date and a sequence. */
const validId = fc
  .record({
    region: fc.stringMatching(/^\d{6}$/),
    day: fc.integer({ min: 0, max: 80_000 }),
    seq: fc.stringMatching(/^\d{3}$/),
  })
  .map(({ region, day, seq }) => {
    const date = addDays("1850-01-01", day).replaceAll("-", "");
    const first17 = region + date + seq;
    return first17 + residentIdCheckCharacter(first17);
  });

describe("parseResidentId properties", () => {
  it("any region, real date and sequence with the computed check character parses ok", () => {
    fc.assert(
      fc.property(validId, (id) => {
        const r = parseResidentId(id);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.id).toBe(id);
      }),
    );
  });

  it("changing any single digit of a valid id makes it invalid", () => {
    const checkChars = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "X"];
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (id, pos, delta) => {
        const c = id[pos] ?? "0";
        const replacement =
          pos === 17 ? (checkChars[(checkChars.indexOf(c) + delta) % 11] ?? "0") : String((Number(c) + (delta % 10 || 1)) % 10);
        expect(replacement).not.toBe(c);
        const mutated = id.slice(0, pos) + replacement + id.slice(pos + 1);
        expect(parseResidentId(mutated).ok).toBe(false);
      }),
    );
  });

  it("gender follows the parity of the 17th digit", () => {
    fc.assert(
      fc.property(validId, (id) => {
        const r = parseResidentId(id);
        const odd = Number(id[16]) % 2 === 1;
        expect(r.ok && r.gender).toBe(odd ? "male" : "female");
      }),
    );
  });

  it("an upgraded legacy number parses to the same person", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6}$/), fc.integer({ min: 0, max: 36_524 }), fc.stringMatching(/^\d{3}$/), (region, day, seq) => {
        const yymmdd = addDays("1900-01-01", day).replaceAll("-", "").slice(2);
        const r = parseResidentId(region + yymmdd + seq);
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(r.upgradedFrom15).toBe(true);
          const { upgradedFrom15: _flag, ...rest } = r;
          expect(parseResidentId(r.id)).toEqual(rest);
        }
      }),
    );
  });
});
