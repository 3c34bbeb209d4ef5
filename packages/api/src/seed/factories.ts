import { TRADES, addDays, createRandom, creditCodeCheckCharacter, CREDIT_CODE_ALPHABET, residentIdCheckCharacter, type SeededRandom, type SkillGrade } from "@lingong/core";
import type { RegisterInput } from "../queries/workers.ts";

// Deterministic factories for tests and the demo generator: realistic Chinese names, valid resident
// ID numbers (computed check character), mainland mobiles, employers and job orders.

export type Rng = SeededRandom;
export const rng = (seed: string): Rng => createRandom(seed);

export function pick<T>(r: Rng, items: readonly T[]): T {
  const v = items[r.int(items.length)];
  if (v === undefined) throw new RangeError("pick from an empty list");
  return v;
}

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文".split("");
const GIVEN_M = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆建国志红林峰海东永胜文斌亮晋福庆春生保德旺喜全"
  .split("");
const GIVEN_F = "芳娜敏静丽艳娟霞秀英华玲桂兰萍红梅琴云莲凤洁燕翠珍丹慧巧荣爱春香".split("");

/** A realistic Chinese name for the gender. */
export function makeName(r: Rng, gender: "male" | "female"): string {
  const given = gender === "male" ? GIVEN_M : GIVEN_F;
  const n = r.next() < 0.7 ? 2 : 1;
  let s = pick(r, SURNAMES);
  for (let i = 0; i < n; i++) s += pick(r, given);
  return s;
}

/** Qinshui (140521) and its neighbours: 阳城 140522, 沁源 140431, 安泽 141026, 翼城 141022, 高平 140581, 泽州 140525. */
export const REGION_CODES = ["140521", "140521", "140521", "140521", "140522", "140431", "141026", "141022", "140581", "140525"] as const;

/** A valid 18-character resident ID number. */
export function makeResidentId(r: Rng, opts: { region?: string; birthDate: string; gender: "male" | "female" }): string {
  const region = opts.region ?? pick(r, REGION_CODES);
  const seq2 = String(r.int(100)).padStart(2, "0");
  const genderDigit = opts.gender === "male" ? 2 * r.int(5) + 1 : 2 * r.int(5);
  const first17 = `${region}${opts.birthDate.replace(/-/g, "")}${seq2}${genderDigit}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** The same number with a wrong check character. */
export function breakCheckCharacter(id: string): string {
  const last = id.slice(-1);
  return id.slice(0, 17) + (last === "1" ? "2" : "1");
}

const MOBILE_PREFIXES = ["134", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159", "182", "183", "187", "188", "130", "131", "132", "155", "156", "185", "186", "133", "153", "180", "189", "177", "199"];

export function makePhone(r: Rng): string {
  return pick(r, MOBILE_PREFIXES) + String(r.int(100_000_000)).padStart(8, "0");
}

/** A valid unified social credit code of a company in the region. */
export function makeCreditCode(r: Rng, region = "140521"): string {
  let org = "";
  for (let i = 0; i < 9; i++) org += CREDIT_CODE_ALPHABET.charAt(r.int(CREDIT_CODE_ALPHABET.length));
  const first17 = `91${region}${org}`;
  return first17 + creditCodeCheckCharacter(first17);
}

const TRADE_WEIGHTS: Record<string, number> = {
  general_labourer: 14, porter: 8, bricklayer: 8, concrete_worker: 5, rebar_worker: 5, carpenter: 5, electrician: 4, welder: 4,
  mine_auxiliary: 6, decorator: 4, plasterer: 3, painter: 3, tiler: 3, excavator_operator: 3, truck_driver: 3, farm_picker: 6,
  greening_worker: 4, housekeeper: 4, elderly_carer: 3, cleaner: 4, cook: 2, security_guard: 2,
};

/** A trade code from the catalogue, weighted towards a coal and construction county. */
export function pickTrade(r: Rng): string {
  const codes = TRADES.map((t) => t.code);
  const total = codes.reduce((s, c) => s + (TRADE_WEIGHTS[c] ?? 1), 0);
  let x = r.next() * total;
  for (const c of codes) {
    x -= TRADE_WEIGHTS[c] ?? 1;
    if (x < 0) return c;
  }
  return "general_labourer";
}

export function pickSkillGrade(r: Rng, code: string): SkillGrade {
  const grades = TRADES.find((t) => t.code === code)?.grades ?? ["none"];
  // Most workers hold no or an entry grade.
  const i = Math.min(grades.length - 1, Math.floor(Math.pow(r.next(), 2.2) * grades.length));
  return grades[i] ?? "none";
}

export function certificatesFor(code: string): string[] {
  return [...(TRADES.find((t) => t.code === code)?.certificates ?? [])];
}

/** Registration input of a plausible worker, aged 20..62 on `today`. */
export function makeWorker(r: Rng, opts: { today?: string; townshipId?: string; consent?: boolean } = {}): RegisterInput {
  const today = opts.today ?? "2025-06-01";
  const gender = r.next() < 0.78 ? "male" : "female";
  const age = 20 + r.int(43);
  const birthDate = addDays(`${Number(today.slice(0, 4)) - age}-01-01`, r.int(365));
  const tradeCount = 1 + (r.next() < 0.35 ? 1 : 0) + (r.next() < 0.1 ? 1 : 0);
  const trades: RegisterInput["trades"] = [];
  while (trades.length < tradeCount) {
    const code = pickTrade(r);
    if (trades.some((t) => t.code === code)) continue;
    trades.push({ code, skillGrade: pickSkillGrade(r, code), certificates: r.next() < 0.8 ? certificatesFor(code) : [] });
  }
  const workYears = Math.min(age - 18, r.int(25));
  return {
    name: makeName(r, gender),
    idNumber: makeResidentId(r, { birthDate, gender }),
    phone: makePhone(r),
    hukou: "山西省晋城市沁水县",
    homeAddress: `沁水县${pick(r, ["东关村", "西街", "南岭村", "北坡村", "河东村", "新村", "后沟村"])}${1 + r.int(60)}号`,
    tempAddress: undefined,
    townshipId: opts.townshipId,
    trades,
    workYears,
    workHistory: workYears > 0 ? `从事${trades.length}个工种共${workYears}年` : undefined,
    consentVersion: "2024-01",
    consentGiven: opts.consent ?? true,
  };
}

export type EmployerIndustry = "coal" | "construction" | "farm" | "household" | "manufacturing" | "services" | "other";

const COMPANY_NAMES: Record<EmployerIndustry, string[]> = {
  coal: ["沁水{x}煤业有限公司", "山西{x}煤层气开发有限公司", "沁水县{x}矿业有限公司"],
  construction: ["沁水县{x}建筑工程有限公司", "晋城{x}建设集团沁水分公司", "沁水{x}路桥工程有限公司"],
  farm: ["沁水县{x}农业专业合作社", "沁水{x}种植有限公司"],
  household: [],
  manufacturing: ["沁水{x}建材有限公司", "沁水县{x}机械制造厂"],
  services: ["沁水{x}物业管理有限公司", "沁水县{x}餐饮服务有限公司"],
  other: ["沁水县{x}商贸有限公司"],
};
const BRAND = "鑫源泰丰恒达宏远金山华安晋兴永盛沁河龙湾玉泉瑞通".split("");

export interface EmployerInput {
  kind: "person" | "company";
  name: string;
  creditCode?: string | undefined;
  industry: EmployerIndustry;
  contactName: string;
  contactPhone: string;
  townshipId?: string | undefined;
  address?: string | undefined;
}

export function makeEmployer(r: Rng, opts: { townshipId?: string; industry?: EmployerIndustry } = {}): EmployerInput {
  const industry: EmployerIndustry = opts.industry ?? pick(r, ["coal", "construction", "construction", "farm", "household", "household", "manufacturing", "services", "other"] as const);
  const contactGender = r.next() < 0.7 ? "male" : "female";
  const contactName = makeName(r, contactGender);
  if (industry === "household" || (industry === "farm" && r.next() < 0.5)) {
    return { kind: "person", name: industry === "household" ? `${contactName}（家庭）` : `${contactName}（种植户）`, industry, contactName, contactPhone: makePhone(r), townshipId: opts.townshipId };
  }
  const tpl = pick(r, COMPANY_NAMES[industry]);
  const name = tpl.replace("{x}", pick(r, BRAND) + pick(r, BRAND));
  return { kind: "company", name, creditCode: makeCreditCode(r), industry, contactName, contactPhone: makePhone(r), townshipId: opts.townshipId, address: `沁水县${pick(r, ["龙港镇", "嘉峰镇", "郑村镇", "端氏镇"])}` };
}

export interface OrderInput {
  employerId: string;
  tradeCode: string;
  skillGrade: SkillGrade;
  minStars: number;
  headcount: number;
  startDate: string;
  endDate: string;
  townshipId?: string | undefined;
  place: string;
  wageFen: number;
  wageUnit: "day" | "half_day" | "hour";
  requirements: string;
  certificates: string[];
}

const DAY_RATES: Record<string, number> = { general_labourer: 18000, porter: 20000, mine_auxiliary: 22000, farm_picker: 15000, cleaner: 15000, housekeeper: 18000 };

export function makeOrder(r: Rng, opts: { employerId: string; startDate: string; tradeCode?: string; townshipId?: string; headcount?: number; days?: number }): OrderInput {
  const tradeCode = opts.tradeCode ?? pickTrade(r);
  const days = opts.days ?? 1 + (r.next() < 0.4 ? r.int(7) : 0);
  const base = DAY_RATES[tradeCode] ?? 25000 + 1000 * r.int(10);
  return {
    employerId: opts.employerId,
    tradeCode,
    skillGrade: "none",
    minStars: 0,
    headcount: opts.headcount ?? 1 + r.int(r.next() < 0.2 ? 8 : 3),
    startDate: opts.startDate,
    endDate: addDays(opts.startDate, days - 1),
    townshipId: opts.townshipId,
    place: pick(r, ["工地", "矿区", "厂区", "村委会旁", "果园", "住户家中"]),
    wageFen: base + 1000 * r.int(5),
    wageUnit: "day",
    requirements: pick(r, ["吃苦耐劳，服从安排", "有相关经验优先", "自带简单工具", "按时到岗", ""]),
    certificates: certificatesFor(tradeCode),
  };
}
