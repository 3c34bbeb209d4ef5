import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allowedSkillGrades, CERTIFICATE_LABELS, findTrade, isSkillGradeAllowed, requiredCertificates, TRADE_CATEGORIES, TRADES } from "./trades.ts";
import { SKILL_GRADE_ORDER, skillGradeRank } from "./types.ts";

describe("trade catalogue examples", () => {
  it("has about thirty trades with unique stable codes", () => {
    expect(TRADES.length).toBeGreaterThanOrEqual(28);
    expect(new Set(TRADES.map((t) => t.code)).size).toBe(TRADES.length);
    for (const t of TRADES) expect(t.code).toMatch(/^[a-z][a-z_]*$/);
  });

  it("carries national classification codes where verified", () => {
    expect(findTrade("bricklayer")).toMatchObject({ zh: "砌筑工", ocCode: "6-29-01-01", category: "construction" });
    expect(findTrade("rebar_worker")?.ocCode).toBe("6-29-01-04");
    expect(findTrade("general_labourer")?.ocCode).toBeNull();
    for (const t of TRADES) if (t.ocCode !== null) expect(t.ocCode).toMatch(/^\d-\d{2}-\d{2}-\d{2}$/);
  });

  it("general trades have only 'none'; graded trades allow several levels", () => {
    for (const code of ["general_labourer", "porter", "cleaner", "farm_picker"]) expect(allowedSkillGrades(code)).toEqual(["none"]);
    expect(allowedSkillGrades("electrician")).toEqual(["none", "L5", "L4", "L3", "L2", "L1"]);
    expect(isSkillGradeAllowed("bricklayer", "L2")).toBe(true);
    expect(isSkillGradeAllowed("bricklayer", "L1")).toBe(false);
    expect(isSkillGradeAllowed("cleaner", "L5")).toBe(false);
  });

  it("unknown trades allow nothing and need nothing", () => {
    expect(findTrade("astronaut")).toBeUndefined();
    expect(allowedSkillGrades("astronaut")).toEqual([]);
    expect(isSkillGradeAllowed("astronaut", "none")).toBe(false);
    expect(requiredCertificates("astronaut")).toEqual([]);
  });

  it("electricians and welders need a special operation certificate", () => {
    expect(requiredCertificates("electrician")).toContain("special_operation");
    expect(requiredCertificates("welder")).toContain("special_operation");
    expect(requiredCertificates("general_labourer")).toEqual([]);
  });
});

describe("trade catalogue properties", () => {
  it("every trade's grades are in national order, without gaps, starting at none", () => {
    for (const t of TRADES) {
      expect(t.grades[0]).toBe("none");
      t.grades.forEach((g, i) => expect(skillGradeRank(g)).toBe(i));
      expect(TRADE_CATEGORIES).toContain(t.category);
      for (const c of t.certificates ?? []) expect(CERTIFICATE_LABELS[c]).toBeDefined();
    }
  });

  it("a grade is allowed iff it is listed for the trade", () => {
    fc.assert(
      fc.property(fc.constantFrom(...TRADES), fc.constantFrom(...SKILL_GRADE_ORDER), (t, g) => {
        expect(isSkillGradeAllowed(t.code, g)).toBe(t.grades.includes(g));
      }),
    );
  });
});
