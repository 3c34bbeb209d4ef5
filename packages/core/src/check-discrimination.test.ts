import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkDiscrimination } from "./check-discrimination.ts";
import type { DiscriminationCode } from "./check-discrimination.ts";

const codes = (text: string): DiscriminationCode[] => checkDiscrimination(text).findings.map((f) => f.code);

describe("checkDiscrimination: flags", () => {
  it.each<[string, DiscriminationCode]>([
    ["招小工3名，限男", "gender"],
    ["搬运工，仅限男性", "gender"],
    ["只要男的，能吃苦", "gender"],
    ["保洁员，女士优先", "gender"],
    ["家政服务员 限女", "gender"],
    ["招男工2名，日结", "gender"],
    ["性别：男", "gender"],
    ["45周岁以下男性，日结", "gender"],
    ["男，能吃苦", "gender"],
    ["女性勿扰", "gender"],
    ["限本地户口", "hukou"],
    ["要求本县户籍", "hukou"],
    ["户口要求：城镇", "hukou"],
    ["本地人优先", "origin"],
    ["河南人勿扰", "origin"],
    ["外地人不要", "origin"],
    ["仅限汉族", "ethnicity"],
    ["少数民族勿扰", "ethnicity"],
    ["乙肝携带者勿扰", "health"],
    ["入职查两对半", "health"],
    ["限未婚", "marital"],
    ["已婚已育优先", "marital"],
    ["身高170cm以上", "appearance"],
    ["五官端正，形象好", "appearance"],
  ])("%s -> %s", (text, code) => {
    const r = checkDiscrimination(text);
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.code)).toContain(code);
  });

  it.each([
    ["年龄45岁以下", "45岁以下"],
    ["年龄18-40", "年龄18-40"],
    ["40周岁以内", "40周岁以内"],
    ["年龄在18至45岁之间", "18至45岁"],
    ["四十五岁以下", "四十五岁以下"],
    ["不超过50岁", "不超过50岁"],
    ["55岁以上不要", "55岁以上不要"],
    ["年龄：１８～４５岁", "１８～４５岁"],
  ])("flags the age limit in %s", (text, match) => {
    const r = checkDiscrimination(text);
    const f = r.findings.find((x) => x.code === "age");
    expect(f).toBeDefined();
    expect(f!.match).toContain(match);
    expect(f!.law).toContain("就业促进法");
  });

  it("flags an age floor under 16 as child labour and accepts the lawful minimum", () => {
    expect(codes("14岁以上即可")).toEqual(["child_labour"]);
    expect(checkDiscrimination("年满15周岁").findings[0]?.law).toContain("劳动法》第十五条");
    expect(codes("年龄14-50岁")).toEqual(expect.arrayContaining(["age", "child_labour"]));
    expect(checkDiscrimination("年满16周岁").ok).toBe(true);
    expect(checkDiscrimination("18周岁以上，身体健康").ok).toBe(true);
  });

  it("reports the matched words, their position and the legal basis", () => {
    const text = "招砌筑工5名，日薪300元，限男，45岁以下，限本地户口。";
    const r = checkDiscrimination(text);
    expect(r.findings.map((f) => f.code)).toEqual(["gender", "age", "hukou"]);
    for (const f of r.findings) {
      expect(text.slice(f.index, f.index + f.match.length)).toBe(f.match);
      expect(f.zh.length).toBeGreaterThan(0);
      expect(f.en.length).toBeGreaterThan(0);
    }
    expect(r.findings[0]!.law).toContain("第二十七条");
    expect(r.findings[2]!.law).toContain("第三十一条");
    expect(r.findings[0]!.lawEn).toBe("Employment Promotion Law art. 27");
    expect(r.findings[2]!.lawEn).toContain("Employment Promotion Law art. 31; ");
    expect(checkDiscrimination("乙肝勿扰").findings[0]!.law).toContain("第三十条");
    expect(checkDiscrimination("只招汉族").findings[0]!.law).toContain("第二十八条");
  });
});

describe("checkDiscrimination: no false positives on neutral text", () => {
  it.each([
    "男女不限，年龄不限，日结",
    "男女均可，有无经验均可",
    "招聘保洁员2名，性别不限，户籍不限，包午饭",
    "砌筑工，四级以上，自带工具，工期3-5天，每天8:00-17:00",
    "提供单身宿舍，身高不限",
    "本单位反对就业歧视，欢迎各族群众报名",
    "年满18周岁，身体健康，能吃苦耐劳",
    "日薪280-350元，地点龙港镇",
    "男、女均可",
    "男性或女性均可，提供女性员工宿舍",
    "欢迎少数民族同胞报名，工作年限5年以上",
  ])("%s", (text) => {
    expect(checkDiscrimination(text)).toEqual({ ok: true, findings: [] });
  });
});

const NEUTRAL_PIECES = ["男女不限", "男女均可", "年龄不限", "户籍不限", "日结", "包吃住", "砌筑工", "小工", "工期3-5天", "日薪300元", "龙港镇", "自带工具", "年满18周岁", "，", "。", " "];
const BAD_PIECES: [string, DiscriminationCode][] = [
  ["限男", "gender"],
  ["女士优先", "gender"],
  ["45岁以下", "age"],
  ["限本地户口", "hukou"],
  ["汉族", "ethnicity"],
  ["本地人", "origin"],
  ["乙肝", "health"],
  ["未婚", "marital"],
  ["身高", "appearance"],
];

describe("checkDiscrimination: laws", () => {
  it("text made only of neutral phrases is never flagged", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...NEUTRAL_PIECES), { maxLength: 12 }), (pieces) => {
        expect(checkDiscrimination(pieces.join("")).ok).toBe(true);
      }),
    );
  });

  it("a discriminatory phrase anywhere in neutral text is flagged at its position", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...NEUTRAL_PIECES), { maxLength: 6 }),
        fc.constantFrom(...BAD_PIECES),
        fc.array(fc.constantFrom(...NEUTRAL_PIECES), { maxLength: 6 }),
        (before, [bad, code], after) => {
          const prefix = before.join("") + "，";
          const text = prefix + bad + "，" + after.join("");
          const r = checkDiscrimination(text);
          expect(r.ok).toBe(false);
          const f = r.findings.find((x) => x.code === code);
          expect(f).toBeDefined();
          expect(f!.index).toBeLessThanOrEqual(prefix.length);
          expect(text.slice(f!.index, f!.index + f!.match.length)).toBe(f!.match);
        },
      ),
    );
  });

  it("every finding's match is the text at its index, and findings are in text order", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...NEUTRAL_PIECES, ...BAD_PIECES.map(([b]) => b)), { maxLength: 10 }), (pieces) => {
        const text = pieces.join("，");
        const r = checkDiscrimination(text);
        expect(r.ok).toBe(r.findings.length === 0);
        for (let i = 0; i < r.findings.length; i++) {
          const f = r.findings[i]!;
          expect(text.slice(f.index, f.index + f.match.length)).toBe(f.match);
          if (i > 0) expect(f.index).toBeGreaterThanOrEqual(r.findings[i - 1]!.index);
        }
      }),
    );
  });
});
