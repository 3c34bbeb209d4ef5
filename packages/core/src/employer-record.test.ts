import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./dates.ts";
import { DEFAULT_EMPLOYER_POLICY, decideEmployerAction, validateEmployerPolicy } from "./employer-record.ts";
import type { EmployerEventType, EmployerRecordEvent } from "./employer-record.ts";

const P = DEFAULT_EMPLOYER_POLICY;
const TODAY = "2024-06-30";
const ago = (d: number): string => addDays(TODAY, -d);
const decide = (events: EmployerRecordEvent[]) => decideEmployerAction(P, { events, today: TODAY });

describe("decideEmployerAction examples (Qinshui defaults)", () => {
  it("a clean record needs no action", () => {
    expect(decide([])).toMatchObject({ action: "none", rule: "none" });
  });
  it("malicious wage arrears: warning, then exclusion", () => {
    const one = decide([{ type: "malicious_arrears", date: ago(100) }]);
    expect(one).toMatchObject({ action: "warning", rule: "warning:malicious_arrears", reviewOn: addDays(ago(100), 730) });
    const two = decide([{ type: "malicious_arrears", date: ago(100) }, { type: "malicious_arrears", date: ago(10) }]);
    expect(two.action).toBe("exclusion");
    expect(two.rule).toBe("exclusion:malicious_arrears");
    expect(two.reviewOn).toBe(addDays(ago(100), 730));
    expect(two.reasons.at(-1)?.zh).toContain("清出市场");
  });
  it("confirmed (non-malicious) arrears need repeats", () => {
    expect(decide([{ type: "wage_arrears_confirmed", date: ago(1) }]).action).toBe("none");
    expect(decide([1, 2].map((d) => ({ type: "wage_arrears_confirmed" as const, date: ago(d) }))).action).toBe("warning");
    expect(decide([1, 2, 3, 4].map((d) => ({ type: "wage_arrears_confirmed" as const, date: ago(d) }))).action).toBe("exclusion");
  });
  it("a reversed event is ignored (appeal upheld) and old events lapse", () => {
    expect(decide([{ type: "malicious_arrears", date: ago(5), reversed: true }]).action).toBe("none");
    expect(decide([{ type: "malicious_arrears", date: ago(730) }]).action).toBe("none");
    expect(decide([{ type: "malicious_arrears", date: ago(729) }]).action).toBe("warning");
  });
  it("the most severe type decides; the rule names it", () => {
    const d = decide([
      { type: "discriminatory_posting", date: ago(3) },
      { type: "false_information", date: ago(2) },
      { type: "false_information", date: ago(1) },
      { type: "false_information", date: ago(0) },
    ]);
    expect(d.rule).toBe("exclusion:false_information");
    expect(d.reasons.filter((r) => r.code === "employer.events")).toHaveLength(2);
  });
  it("rejects unknown types and future dates, naming the field", () => {
    expect(() => decide([{ type: "littering" as EmployerEventType, date: ago(1) }])).toThrow("events[0].type");
    expect(() => decide([{ type: "constructor" as EmployerEventType, date: ago(1) }])).toThrow("events[0].type");
    expect(() => decide([{ type: "malicious_arrears", date: addDays(TODAY, 2) }])).toThrow("events[0].date");
  });
});

const type = fc.constantFrom<EmployerEventType>("wage_arrears_confirmed", "malicious_arrears", "discriminatory_posting", "false_information");
const event = fc.record({ type, date: fc.integer({ min: 0, max: 900 }).map(ago), reversed: fc.boolean() });
const events = fc.array(event, { maxLength: 8 });
const rank = { none: 0, warning: 1, exclusion: 2 } as const;

describe("decideEmployerAction laws", () => {
  it("a reversed event never changes the decision", () => {
    fc.assert(fc.property(events, event, (es, e) => JSON.stringify(decide(es)) === JSON.stringify(decide([...es, { ...e, reversed: true }]))));
  });
  it("another confirmed event never lowers the action", () => {
    fc.assert(fc.property(events, event, (es, e) => rank[decide([...es, { ...e, reversed: false }]).action] >= rank[decide(es).action]));
  });
  it("reversing an event on appeal never raises the action", () => {
    fc.assert(
      fc.property(events.filter((es) => es.length > 0), fc.nat(), (es, n) => {
        const i = n % es.length;
        return rank[decide(es.map((e, j) => (j === i ? { ...e, reversed: true } : e))).action] <= rank[decide(es).action];
      }),
    );
  });
  it("the action lapses on reviewOn when nothing new happens", () => {
    fc.assert(
      fc.property(events, (es) => {
        const d = decide(es);
        if (d.reviewOn === undefined) return d.action === "none";
        const later = decideEmployerAction(P, { events: es, today: d.reviewOn });
        return rank[later.action] < rank[d.action];
      }),
    );
  });
});

describe("validateEmployerPolicy", () => {
  it("accepts the default and names each broken field by its event, in Chinese and English", () => {
    expect(validateEmployerPolicy(P)).toEqual([]);
    const broken = {
      ...P,
      windowDays: -1,
      events: { ...P.events, malicious_arrears: { ...P.events.malicious_arrears, warningAt: 3, exclusionAt: 2 }, bribery: { label: { zh: "行贿", en: "Bribery" }, warningAt: 1, exclusionAt: 1 } },
    };
    expect(validateEmployerPolicy(broken)).toEqual([
      { code: "policy.int_range", zh: "事件计入天数（windowDays）：须为 1 至 3650 之间的整数", en: "Days an event counts (windowDays): must be a whole number from 1 to 3650", data: { field: "windowDays", min: 1, max: 3650 } },
      {
        code: "policy.below",
        zh: "恶意欠薪·清出起数（events.malicious_arrears.exclusionAt）：不能小于警告起数",
        en: "Malicious wage arrears › Cases for exclusion (events.malicious_arrears.exclusionAt): cannot be below Cases for a warning",
        data: { field: "events.malicious_arrears.exclusionAt", other: "warningAt" },
      },
      { code: "policy.unknown_event", zh: "bribery（events.bribery）：不是已知的事件类型", en: "bribery (events.bribery): is not a known event type", data: { field: "events.bribery" } },
    ]);
    const { false_information: _dropped, ...fewer } = P.events;
    expect(validateEmployerPolicy({ ...P, events: fewer })).toEqual([
      { code: "policy.missing", zh: "提供虚假用工信息（events.false_information）：缺少这一项", en: "False job information (events.false_information): is missing", data: { field: "events.false_information" } },
    ]);
    expect(validateEmployerPolicy({ ...P, events: [] })).toMatchObject([{ code: "policy.missing", zh: "各类事件规则（events）：缺少这一项", data: { field: "events" } }]);
  });

  it("names a broken label and thresholds by the default's event name, whatever label was sent", () => {
    const broken = { ...P, events: { ...P.events, wage_arrears_confirmed: { label: { zh: "" }, warningAt: 0, exclusionAt: 1001 } } };
    expect(validateEmployerPolicy(broken).map((p) => [p.code, p.zh])).toEqual([
      ["policy.label", "欠薪经核实（已调解）·名称（events.wage_arrears_confirmed.label）：须有中文和英文名称（zh、en）"],
      ["policy.int_range", "欠薪经核实（已调解）·警告起数（events.wage_arrears_confirmed.warningAt）：须为 1 至 1000 之间的整数"],
      ["policy.int_range", "欠薪经核实（已调解）·清出起数（events.wage_arrears_confirmed.exclusionAt）：须为 1 至 1000 之间的整数"],
    ]);
  });
});
