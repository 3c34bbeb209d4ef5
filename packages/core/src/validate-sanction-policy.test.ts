import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkProblem, mutated, reportedAt, usableCandidates, withValue, wrongTypeAt } from "./policy-fuzz-fixtures.ts";
import { QINSHUI_POLICY } from "./qinshui-policy.ts";
import { appealOutcome, decideSanction, standingOf } from "./sanction-ladder.ts";
import { DEFAULT_SANCTION_POLICY, SANCTION_STEPS } from "./sanction-policy.ts";
import type { SanctionPolicy } from "./sanction-policy.ts";
import { validateSanctionPolicy } from "./validate-sanction-policy.ts";

const D = DEFAULT_SANCTION_POLICY;
const fields = (body: unknown) => validateSanctionPolicy(body).map((p) => p.data.field);

describe("validateSanctionPolicy", () => {
  it("passes Qinshui's sanction policy, and a county's own offence", () => {
    expect(validateSanctionPolicy(D)).toEqual([]);
    expect(validateSanctionPolicy(QINSHUI_POLICY.sanctions)).toEqual([]);
    const own = { ...D, events: { ...D.events, drunk_at_work: { label: { zh: "酒后上岗", en: "Drunk at work" }, startStep: "yellow_card", allowSkip: true } } };
    expect(validateSanctionPolicy(own)).toEqual([]);
  });

  it("refuses a ladder that drops a step, repeats one or does not end at expulsion", () => {
    for (const ladder of [["criticism", "yellow_card", "star_demotion", "expulsion"], [...D.ladder.slice(0, 4), "probation"], ["yellow_card", "criticism", "star_demotion", "expulsion", "probation"], "criticism"]) {
      expect(fields({ ...D, ladder })).toEqual(["ladder"]);
    }
    // Another order of the middle steps is the county's choice.
    expect(fields({ ...D, ladder: ["yellow_card", "criticism", "probation", "star_demotion", "expulsion"] })).toEqual([]);
  });

  it("names each broken step field, offence and exposure rule in Chinese", () => {
    const bad = structuredClone(D) as unknown as Record<string, Record<string, unknown>>;
    bad.expiryDays!.yellow_card = 0;
    bad.gradeChange!.star_demotion = -2;
    bad.labels!.probation = { zh: "", en: "P" };
    bad.events!.no_show = { label: { zh: "爽约", en: "No-show" }, startStep: "warning", allowSkip: "no" };
    bad.mediaExposure = { events: ["wage_fraud", "wage_fraud", "bribery"], minStep: "star_demotion" };
    const problems = validateSanctionPolicy(bad);
    expect(problems.map((p) => p.data.field)).toEqual([
      "labels.probation",
      "expiryDays.yellow_card",
      "gradeChange.star_demotion",
      "events.no_show.startStep",
      "events.no_show.allowSkip",
      "mediaExposure.events.1",
      "mediaExposure.events.2",
    ]);
    expect(problems[1]?.zh).toBe("处分计入天数·黄牌警告（expiryDays.yellow_card）：须为 1 至 3650 之间的整数");
    expect(problems[4]?.zh).toBe("无故爽约·可越级处分（events.no_show.allowSkip）：须为 true 或 false");
    expect(problems[6]?.zh).toBe("可考虑曝光·违规事项·第 3 项（mediaExposure.events.2）：不在违规事项（events）中");
  });

  it("refuses a probation longer than the time it counts, and a policy without offences", () => {
    expect(validateSanctionPolicy({ ...D, probationDays: 400 })).toMatchObject([
      { code: "policy.above", zh: "候场查看天数（probationDays）：不能大于处分计入天数·候场查看（expiryDays.probation）" },
    ]);
    expect(fields({ ...D, events: {}, mediaExposure: { events: [], minStep: "probation" } })).toEqual(["events"]);
  });
});

const date = fc.integer({ min: 0, max: 1500 }).map((d) => new Date(Date.UTC(2021, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const history = fc.array(fc.record({ step: fc.constantFrom(...SANCTION_STEPS), date, reversed: fc.boolean(), expired: fc.boolean() }), { maxLength: 6 });
const TODAY = "2025-02-10";

describe("validateSanctionPolicy properties", () => {
  it("every problem has a policy code, Chinese naming the field, English, and a path of the body or the default", () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 5, arbitrary: mutated(D) }, { weight: 1, arbitrary: fc.anything() }), (body) => {
        for (const p of validateSanctionPolicy(body)) checkProblem(p, D, body);
      }),
      { numRuns: 300 },
    );
  });

  it("a field set to a wrong type is reported at that field or the part holding it", () => {
    fc.assert(
      fc.property(wrongTypeAt(D), ([path, wrong]) => {
        expect(reportedAt(validateSanctionPolicy(withValue(D, path, wrong)), path)).toBe(true);
      }),
    );
  });

  it("a policy that passes decides any offence, standing and appeal without throwing", () => {
    let used = 0;
    fc.assert(
      fc.property(usableCandidates(D), history, fc.nat(), date, (body, hist, pick, eventDate) => {
        if (validateSanctionPolicy(body).length > 0) return;
        used++;
        const policy = body as unknown as SanctionPolicy;
        const types = Object.keys(policy.events);
        const type = types[pick % types.length]!;
        const on = eventDate > TODAY ? TODAY : eventDate;
        const d = decideSanction(policy, { event: { type, date: on }, history: hist, today: TODAY });
        expect(policy.ladder).toContain(d.step);
        expect([0, -1]).toContain(d.gradeChange);
        expect(d.expiresOn > TODAY).toBe(true);
        const standing = standingOf(policy, [...hist, { step: d.step, date: TODAY }], TODAY);
        expect(["active", "probation", "expelled"]).toContain(standing.status);
        const open = hist.findIndex((h) => !h.reversed);
        if (open >= 0) expect([0, 1]).toContain(appealOutcome(policy, { history: hist, index: open, today: TODAY }).restoreGrade);
      }),
      { numRuns: 1500 },
    );
    expect(used).toBeGreaterThan(50);
  });
});
