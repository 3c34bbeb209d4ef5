import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./dates.ts";
import { appealOutcome, decideSanction, isSanctionActive, standingOf } from "./sanction-ladder.ts";
import type { SanctionHistoryEntry } from "./sanction-ladder.ts";
import { DEFAULT_SANCTION_POLICY } from "./sanction-policy.ts";
import type { SanctionPolicy, SanctionStep } from "./sanction-policy.ts";

const P = DEFAULT_SANCTION_POLICY;
const TODAY = "2024-06-30";
const ago = (d: number): string => addDays(TODAY, -d);
const decide = (type: string, history: SanctionHistoryEntry[] = [], policy: SanctionPolicy = P) => decideSanction(policy, { event: { type, date: TODAY }, history, today: TODAY });

describe("decideSanction examples (Qinshui ladder)", () => {
  it("a first no-show is an internal criticism that expires in 90 days", () => {
    const d = decide("no_show");
    expect(d.step).toBe("criticism");
    expect(d.label.zh).toBe("内部通报批评");
    expect(d.rule).toBe("first_offence:no_show");
    expect(d.expiresOn).toBe(addDays(TODAY, 90));
    expect(d.gradeChange).toBe(0);
    expect(d.endDate).toBeUndefined();
    expect(d.mediaExposureEligible).toBe(false);
    expect(d.reasons.map((r) => r.code)).toEqual(["sanction.event", "sanction.first", "sanction.expiry"]);
  });
  it("repeats climb one step above the highest active sanction", () => {
    const y = decide("late_cancellation", [{ step: "criticism", date: ago(10) }]);
    expect(y.step).toBe("yellow_card");
    expect(y.rule).toBe("escalate_from_active:criticism");
    const s = decide("no_show", [{ step: "criticism", date: ago(40) }, { step: "yellow_card", date: ago(10) }]);
    expect(s.step).toBe("star_demotion");
    expect(s.gradeChange).toBe(-1);
    expect(s.reasons.map((r) => r.code)).toContain("sanction.grade_change");
    const p = decide("no_show", [{ step: "star_demotion", date: ago(100) }]);
    expect(p.step).toBe("probation");
    expect(p.endDate).toBe(addDays(TODAY, 30));
    expect(p.expiresOn).toBe(addDays(TODAY, 365));
    expect(decide("no_show", [{ step: "probation", date: ago(100) }]).step).toBe("expulsion");
  });
  it("expired and reversed sanctions do not count", () => {
    const d = decide("no_show", [
      { step: "criticism", date: ago(90) },
      { step: "yellow_card", date: ago(5), reversed: true },
      { step: "star_demotion", date: ago(20), expired: true },
    ]);
    expect(d.step).toBe("criticism");
    expect(d.rule).toBe("first_offence:no_show");
    expect(d.reasons.find((r) => r.code === "sanction.ignored_history")?.data).toEqual({ ignored: 3 });
    expect(decide("no_show", [{ step: "criticism", date: ago(89) }]).step).toBe("yellow_card");
  });
  it("severe events start higher and may skip steps", () => {
    const m = decide("malicious_work");
    expect(m.step).toBe("star_demotion");
    expect(m.rule).toBe("first_offence:malicious_work");
    expect(m.mediaExposureEligible).toBe(true);
    expect(m.reasons.map((r) => r.code)).toContain("sanction.media_exposure_eligible");
    const w = decide("wage_fraud", [{ step: "criticism", date: ago(3) }]);
    expect(w.step).toBe("probation");
    expect(w.rule).toBe("severity_skip:wage_fraud");
    expect(decide("malicious_work", [{ step: "probation", date: ago(3) }]).step).toBe("expulsion");
  });
  it("without allowSkip a severe start step is climbed to one step at a time", () => {
    const strict: SanctionPolicy = { ...P, events: { ...P.events, malicious_work: { ...P.events.malicious_work!, allowSkip: false } } };
    expect(decide("malicious_work", [], strict).step).toBe("criticism");
    expect(decide("malicious_work", [{ step: "criticism", date: ago(1) }], strict).step).toBe("yellow_card");
  });
  it("expulsion is the top", () => {
    const d = decide("no_show", [{ step: "expulsion", date: ago(30) }]);
    expect(d.step).toBe("expulsion");
    expect(d.rule).toBe("top_of_ladder");
  });
  it("rejects unknown events and events after today", () => {
    expect(() => decide("drunk")).toThrow(/event.type/);
    // names of Object's own properties are unknown offences too, not a crash
    expect(() => decide("constructor")).toThrow(/event.type/);
    expect(() => decide("toString")).toThrow(/event.type/);
    expect(() => decideSanction(P, { event: { type: "no_show", date: addDays(TODAY, 1) }, history: [], today: TODAY })).toThrow(/event.date/);
  });
});

describe("standingOf and appealOutcome", () => {
  it("probation has its own end date, then the worker is active again", () => {
    const h: SanctionHistoryEntry[] = [{ step: "probation", date: ago(10) }];
    const s = standingOf(P, h, TODAY);
    expect(s.status).toBe("probation");
    expect(s.probationEndsOn).toBe(addDays(TODAY, 20));
    const later = standingOf(P, h, addDays(TODAY, 20));
    expect(later.status).toBe("active");
    expect(later.activeSteps).toEqual(["probation"]);
    expect(standingOf(P, [], TODAY)).toMatchObject({ status: "active", activeSteps: [] });
  });
  it("expulsion lasts three years", () => {
    const s = standingOf(P, [{ step: "expulsion", date: ago(1) }, { step: "criticism", date: ago(2) }], TODAY);
    expect(s.status).toBe("expelled");
    expect(s.activeSteps).toEqual(["criticism", "expulsion"]);
    expect(s.expelledUntil).toBe(addDays(ago(1), 1095));
    expect(isSanctionActive(P, { step: "expulsion", date: ago(1095) }, TODAY)).toBe(false);
  });
  it("reversing a star demotion gives the star back and flags later escalations", () => {
    const h: SanctionHistoryEntry[] = [
      { step: "star_demotion", date: ago(50) },
      { step: "probation", date: ago(5) },
      { step: "criticism", date: ago(400) },
    ];
    const o = appealOutcome(P, { history: h, index: 0, today: TODAY });
    expect(o.restoreGrade).toBe(1);
    expect(o.recheck).toEqual([1]);
    expect(o.liftProbation).toBe(false);
    expect(o.standingAfter.status).toBe("probation");
    const p = appealOutcome(P, { history: h, index: 1, today: TODAY });
    expect(p).toMatchObject({ restoreGrade: 0, liftProbation: true, liftExpulsion: false, recheck: [] });
    expect(p.reasons.map((r) => r.code)).toEqual(["appeal.reversed", "appeal.lift_probation"]);
    expect(() => appealOutcome(P, { history: [{ ...h[0]!, reversed: true }], index: 0, today: TODAY })).toThrow(/already reversed/);
    expect(() => appealOutcome(P, { history: h, index: 9, today: TODAY })).toThrow(RangeError);
  });
});

const steps = P.ladder;
const entry = fc.record({
  step: fc.constantFrom<SanctionStep>(...steps),
  date: fc.integer({ min: 0, max: 1200 }).map(ago),
  reversed: fc.boolean(),
  expired: fc.boolean(),
});
const history = fc.array(entry, { maxLength: 6 });
const eventType = fc.constantFrom(...Object.keys(P.events));
const idx = (s: SanctionStep): number => steps.indexOf(s);
const highestActive = (h: SanctionHistoryEntry[]): number => h.filter((e) => isSanctionActive(P, e, TODAY)).reduce((m, e) => Math.max(m, idx(e.step)), -1);

describe("sanction ladder laws", () => {
  it("never skips a step unless the event's policy allows it", () => {
    fc.assert(
      fc.property(eventType, history, (type, h) => {
        const d = decide(type, h);
        const rule = P.events[type]!;
        const natural = Math.min(highestActive(h) + 1, steps.length - 1);
        return rule.allowSkip ? idx(d.step) === Math.max(natural, idx(rule.startStep)) : idx(d.step) === natural;
      }),
    );
  });
  it("a reversed sanction never counts toward escalation", () => {
    fc.assert(
      fc.property(eventType, history, entry, (type, h, extra) => {
        const a = decide(type, h);
        const b = decide(type, [...h, { ...extra, reversed: true }]);
        return a.step === b.step && a.rule === b.rule;
      }),
    );
  });
  it("expulsion is the top: with an active expulsion every event gives expulsion", () => {
    fc.assert(fc.property(eventType, history, fc.integer({ min: 0, max: 1094 }), (type, h, d) => decide(type, [...h, { step: "expulsion", date: ago(d) }]).step === "expulsion"));
  });
  it("more active history never gives a milder step", () => {
    fc.assert(fc.property(eventType, history, entry, (type, h, extra) => idx(decide(type, [...h, extra]).step) >= idx(decide(type, h).step)));
  });
  it("is deterministic", () => {
    fc.assert(fc.property(eventType, history, (type, h) => JSON.stringify(decide(type, h)) === JSON.stringify(decide(type, structuredClone(h)))));
  });
  it("reversal on appeal never worsens standing", () => {
    const rank = { active: 0, probation: 1, expelled: 2 } as const;
    fc.assert(
      fc.property(history.filter((h) => h.length > 0), fc.nat(), (h, n) => {
        const i = n % h.length;
        const clean = h.map((e) => ({ ...e, reversed: false }));
        const o = appealOutcome(P, { history: clean, index: i, today: TODAY });
        return rank[o.standingAfter.status] <= rank[standingOf(P, clean, TODAY).status];
      }),
    );
  });
});
