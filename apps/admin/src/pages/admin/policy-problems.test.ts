import { DEFAULT_EMPLOYER_POLICY as E, DEFAULT_GRADING_POLICY as G, DEFAULT_MATCHING_POLICY as M, DEFAULT_REWARD_POLICY as R, DEFAULT_SANCTION_POLICY as S } from "@lingong/core";
import { describe, expect, it } from "vitest";
import { policyProblems } from "./policy-problems.ts";

const HAN = /[\u4e00-\u9fff]/;

const brokenReward = {
  ...R,
  version: "",
  windowDays: 0,
  z: 0,
  commendation: {
    ...R.commendation,
    minJobs: -1,
    minSatisfactionLb: 1.5,
    cooldownDays: 5000,
    maxUpheldComplaints: -1,
  },
  annualHonour: { ...R.annualHonour, minStars: 6 },
  freeTraining: undefined,
};

const brokenEmployer = {
  ...E,
  windowDays: -1,
  events: {
    malicious_arrears: { ...E.events.malicious_arrears, warningAt: 3, exclusionAt: 2 },
    wage_arrears_confirmed: {
      ...E.events.wage_arrears_confirmed,
      label: { zh: "" },
      warningAt: 0,
      exclusionAt: 0,
    },
    discriminatory_posting: E.events.discriminatory_posting,
    bribery: { label: { zh: "行贿", en: "Bribery" }, warningAt: 1, exclusionAt: 1 },
  },
};

describe("policyProblems shows core's findings in the reader's language, naming the field", () => {
  it("passes core's defaults", () => {
    expect(policyProblems("rewards", R, "zh")).toEqual([]);
    expect(policyProblems("employer", E, "zh")).toEqual([]);
    expect(policyProblems("grading", G, "zh")).toEqual([]);
    expect(policyProblems("sanctions", S, "zh")).toEqual([]);
    expect(policyProblems("matching", M, "zh")).toEqual([]);
  });

  it("checks grading, sanction and matching bodies too, naming the field in the reader's language", () => {
    const matching = { ...M, weights: { ...M.weights, stars: -5 } };
    expect(policyProblems("matching", matching, "zh")).toEqual(["各项分值·星级（weights.stars）：须为 0 至 100 之间的数"]);
    expect(policyProblems("matching", matching, "en")).toEqual(["Score weights › Stars (weights.stars): must be a number from 0 to 100"]);
    const { windowDays: _w, ...review } = G.review;
    expect(policyProblems("grading", { ...G, review }, "zh")).toEqual(["定期评定·统计天数（review.windowDays）：须为 1 至 3650 之间的整数"]);
    expect(policyProblems("sanctions", { ...S, probationDays: 0 }, "zh")).toEqual(["候场查看天数（probationDays）：须为 1 至 3650 之间的整数"]);
  });

  it("names every broken reward field in Chinese, with its JSON path", () => {
    const zhOut = policyProblems("rewards", brokenReward, "zh");
    expect(zhOut).toEqual([
      "版本标识（version）：须为不超过 50 个字的非空文字",
      "统计天数（windowDays）：须为 1 至 3650 之间的整数",
      "置信系数 z（z）：须为大于 0、不超过 5 的数",
      "内部表扬·最少完成单数（commendation.minJobs）：须为 0 至 100000 之间的整数",
      "内部表扬·满意率下限（commendation.minSatisfactionLb）：须在 0 至 1 之间",
      "内部表扬·再次给予间隔天数（commendation.cooldownDays）：须为 0 至 3650 之间的整数",
      "内部表扬·成立投诉上限（commendation.maxUpheldComplaints）：须为 0 至 100000 之间的整数",
      "免费技能培训（freeTraining）：缺少这一项",
      "年度荣誉·最低星级（annualHonour.minStars）：须为 0 至 5 之间的整数",
    ]);
    expect(policyProblems("rewards", null, "zh")).toEqual(["政策内容须为 JSON 对象"]);
  });

  it("names every broken employer field by its event, and says which threshold is below which", () => {
    const out = policyProblems("employer", brokenEmployer, "zh");
    expect(out).toEqual([
      "事件计入天数（windowDays）：须为 1 至 3650 之间的整数",
      "欠薪经核实（已调解）·名称（events.wage_arrears_confirmed.label）：须有中文和英文名称（zh、en）",
      "欠薪经核实（已调解）·警告起数（events.wage_arrears_confirmed.warningAt）：须为 1 至 1000 之间的整数",
      "欠薪经核实（已调解）·清出起数（events.wage_arrears_confirmed.exclusionAt）：须为 1 至 1000 之间的整数",
      "恶意欠薪·清出起数（events.malicious_arrears.exclusionAt）：不能小于警告起数",
      "提供虚假用工信息（events.false_information）：缺少这一项",
      "bribery（events.bribery）：不是已知的事件类型",
    ]);
    expect(policyProblems("employer", { ...E, events: null }, "zh")).toEqual([
      "各类事件规则（events）：缺少这一项",
    ]);
  });

  it("has no Chinese left in English, and no English left in Chinese", () => {
    for (const [kind, body] of [
      ["rewards", brokenReward],
      ["employer", brokenEmployer],
    ] as const) {
      const enOut = policyProblems(kind, body, "en");
      expect(enOut.length).toBeGreaterThan(5);
      for (const line of enOut) {
        expect(line).not.toMatch(HAN);
      }
      for (const line of policyProblems(kind, body, "zh")) {
        expect(line).toMatch(HAN);
        // English words appear only as the JSON path in brackets (or an event name the head typed).
        expect(line.replace(/（[\w.]+）/, "").replace("bribery", "")).not.toMatch(/[A-Za-z]{3,}/);
      }
    }
    expect(policyProblems("employer", brokenEmployer, "en")[4]).toBe(
      "Malicious wage arrears › Cases for exclusion (events.malicious_arrears.exclusionAt): cannot be below Cases for a warning",
    );
  });
});
