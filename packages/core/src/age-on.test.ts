import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageOn, isOfWorkingAge, MIN_WORKING_AGE } from "./age-on.ts";
import { addDays } from "./dates.ts";

describe("ageOn examples", () => {
  it("counts full years, turning older on the birthday", () => {
    expect(ageOn("2000-06-15", "2016-06-14")).toBe(15);
    expect(ageOn("2000-06-15", "2016-06-15")).toBe(16);
    expect(ageOn("1949-12-31", "2024-01-01")).toBe(74);
  });

  it("a 29 February birthday turns older on 1 March in a common year", () => {
    expect(ageOn("2008-02-29", "2024-02-28")).toBe(15);
    expect(ageOn("2008-02-29", "2024-02-29")).toBe(16);
    expect(ageOn("2008-02-29", "2025-02-28")).toBe(16);
    expect(ageOn("2008-02-29", "2025-03-01")).toBe(17);
  });

  it("is negative before birth and rejects malformed dates", () => {
    expect(ageOn("2000-05-01", "2000-03-01")).toBe(-1);
    expect(() => ageOn("2000-02-30", "2020-01-01")).toThrow(RangeError);
    expect(() => ageOn("2000-01-01", "2020/01/01")).toThrow(RangeError);
  });

  it("knows the legal minimum working age of 16", () => {
    expect(MIN_WORKING_AGE).toBe(16);
    expect(isOfWorkingAge("2008-06-02", "2024-06-01")).toBe(false);
    expect(isOfWorkingAge("2008-06-01", "2024-06-01")).toBe(true);
  });
});

const day = fc.integer({ min: 0, max: 60_000 }).map((n) => addDays("1900-01-01", n));

describe("ageOn properties", () => {
  it("age never falls as today moves later", () => {
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 2000 }), (birth, today, later) => {
        expect(ageOn(birth, addDays(today, later))).toBeGreaterThanOrEqual(ageOn(birth, today));
      }),
    );
  });

  it("age is within one of the day count divided by the year length", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 40_000 }), (birth, days) => {
        const age = ageOn(birth, addDays(birth, days));
        expect(Math.abs(age - days / 365.2425)).toBeLessThan(1);
        expect(age).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
