/**
 * R10 fair employment: flag discriminatory requirements in an employer's job text before it is
 * published on the LED screen, in WeChat groups or on the web. Staff see each finding with the
 * legal basis and ask the employer to reword; the checker never blocks on its own.
 *
 * Legal bases cited (Chinese text shown to staff and employers):
 * - 就业促进法 第三条: equal employment regardless of 民族、种族、性别、宗教信仰 "等".
 * - 就业促进法 第二十七条: women's equal right to work; no sex-based refusal, no marriage/childbirth limits.
 * - 就业促进法 第二十八条: equal rights of every ethnic group.
 * - 就业促进法 第三十条: no refusal because a person carries an infectious pathogen (e.g. 乙肝).
 * - 就业促进法 第三十一条: rural workers' equal right to work in town (户口 limits).
 * - 人力资源市场暂行条例 第二十四条: job information must not contain discriminatory content.
 * - 劳动法 第十五条: hiring minors under 16 is forbidden (child labour), so a lower age limit under 16 is illegal.
 *
 * Matching is by patterns on the text after neutral phrases ("男女不限", "年龄不限", "户籍不限" …) are
 * masked, so they never trigger findings. Indexes are UTF-16 offsets into the original text.
 */

export type DiscriminationCode = "gender" | "age" | "child_labour" | "hukou" | "ethnicity" | "origin" | "health" | "marital" | "appearance";

export interface DiscriminationFinding {
  code: DiscriminationCode;
  /** The offending words exactly as they appear in the text. */
  match: string;
  /** Offset of `match` in the text (UTF-16 code units, as `String.prototype.slice` counts). */
  index: number;
  zh: string;
  en: string;
  law?: string;
  /** The same legal basis cited in English (for the English screens; the Chinese text is binding). */
  lawEn?: string;
}

export interface DiscriminationCheck {
  ok: boolean;
  findings: DiscriminationFinding[];
}

const LAW = {
  equal: "《就业促进法》第三条；《人力资源市场暂行条例》第二十四条",
  women: "《就业促进法》第二十七条",
  ethnic: "《就业促进法》第二十八条",
  pathogen: "《就业促进法》第三十条",
  rural: "《就业促进法》第三十一条",
  child: "《劳动法》第十五条",
} as const;

const LAW_EN = {
  equal: "Employment Promotion Law art. 3; Interim Regulations on the Human Resources Market art. 24",
  women: "Employment Promotion Law art. 27",
  ethnic: "Employment Promotion Law art. 28",
  pathogen: "Employment Promotion Law art. 30",
  rural: "Employment Promotion Law art. 31",
  child: "Labour Law art. 15",
} as const;

const TEXT: Record<DiscriminationCode, { zh: string; en: string; law: string; lawEn: string }> = {
  gender: { zh: "限定或优先某一性别，属于性别歧视，请改为“男女不限”并写明岗位实际要求（如体力、资质）。", en: "Restricting or preferring one sex is sex discrimination; state the job's real requirements instead.", law: LAW.women, lawEn: LAW_EN.women },
  age: { zh: "设置年龄上限或过高的年龄下限，可能构成年龄歧视；如确因岗位安全需要，请写明具体理由。", en: "An age limit may be age discrimination; give the safety reason if the job truly requires it.", law: LAW.equal, lawEn: LAW_EN.equal },
  child_labour: { zh: "招用未满十六周岁的未成年人属于使用童工，法律禁止。", en: "Hiring minors under 16 is child labour and is forbidden.", law: LAW.child, lawEn: LAW_EN.child },
  hukou: { zh: "限定户口或户籍，属于户籍歧视。", en: "Restricting household registration (hukou) is discrimination.", law: `${LAW.rural}；${LAW.equal}`, lawEn: `${LAW_EN.rural}; ${LAW_EN.equal}` },
  ethnicity: { zh: "限定或排斥某一民族，属于民族歧视。", en: "Restricting or excluding an ethnic group is ethnic discrimination.", law: `${LAW.ethnic}；${LAW.equal}`, lawEn: `${LAW_EN.ethnic}; ${LAW_EN.equal}` },
  origin: { zh: "限定或排斥某地人员，属于地域歧视。", en: "Restricting or excluding people from a place is regional discrimination.", law: LAW.equal, lawEn: LAW_EN.equal },
  health: { zh: "以乙肝等传染病病原携带为由拒绝录用属违法（法定禁止从事的工作除外）。", en: "Refusing carriers of an infectious pathogen such as hepatitis B is unlawful (except jobs barred by law).", law: LAW.pathogen, lawEn: LAW_EN.pathogen },
  marital: { zh: "限定婚姻、生育状况，属于就业歧视。", en: "Restricting marital or childbearing status is discrimination.", law: LAW.women, lawEn: LAW_EN.women },
  appearance: { zh: "对身高、相貌等设限，与岗位无关时属于就业歧视；确有必要请写明理由。", en: "Height or looks requirements unrelated to the job are discrimination; give the reason if truly needed.", law: LAW.equal, lawEn: LAW_EN.equal },
};

/** Neutral phrases, masked before matching so they never trigger a finding. */
const NEUTRAL = [
  /男女不限|男女均可|男女皆可|男女都可|男女都行|男女老少|不限男女|性别不限|男女/g,
  /(?:男|女)(?:性|士)?\s*(?:、|\/|或|和|及|与)\s*(?:男|女)(?:性|士)?/g,
  /(?:年龄|户籍|户口|籍贯|民族|身高|婚否|地域|学历|经验|性别)(?:不限|均可|无要求|不要求)/g,
  /不限(?:年龄|户籍|户口|籍贯|民族|身高|地域|性别)/g,
  /单身(?:宿舍|公寓)/g,
  /(?:拒绝|禁止|杜绝|反对)(?:\S{0,4})?歧视/g,
];

const NUM = "(\\d{1,2}|[一二三四五六七八九十两]{1,3})";
const SEP = "(?:-|－|—|–|~|～|〜|至|到)";
const SUI = "周?岁";

interface Pattern {
  code: DiscriminationCode;
  re: RegExp;
  /** For age patterns: decide from the numbers which finding, if any, applies. */
  age?: (nums: number[]) => DiscriminationCode[];
}

const ageRange = (n: number[]): DiscriminationCode[] => {
  const lo = Math.min(n[0]!, n[1]!);
  const out: DiscriminationCode[] = ["age"];
  if (lo < 16) out.push("child_labour");
  return out;
};
const ageFloor = (n: number[]): DiscriminationCode[] => (n[0]! < 16 ? ["child_labour"] : n[0]! > 18 ? ["age"] : []);
const ageCeiling = (): DiscriminationCode[] => ["age"];

const PATTERNS: Pattern[] = [
  // Gender.
  { code: "gender", re: /(?:仅限|只限|只要|只招|只收|只聘|限招|仅招|仅要|限)(?:招收|招聘|招)?(?:男|女)(?:性|士|工|的|生|同志)?/g },
  { code: "gender", re: /(?:男|女)(?:性|士|工|生)?(?:优先|勿扰|免谈|谢绝|莫扰)/g },
  { code: "gender", re: /(?:不要|不招|不收|谢绝|拒绝|不考虑)(?:男|女)(?:性|士|工|的|生)?/g },
  { code: "gender", re: /(?:需要?|要求|招收?|招聘)(?:\d+名?)?(?:男|女)(?:性|士|工|的|生)/g },
  { code: "gender", re: /性别(?:要求)?[：:\s]*(?:限)?(?:男|女)/g },
  // A bare 男/男性 standing as its own requirement: "45岁以下男性，" or "男，能吃苦".
  { code: "gender", re: /(?<=^|[，,。；;、：:\s]|以下|以内|以上|岁)(?:男|女)(?:性|士|工)?(?=$|[，,。；;、\s]|\d)/g },
  // Age: ranges, ceilings, floors (floors under 16 are child labour, 16..18 is the lawful minimum).
  { code: "age", re: new RegExp(`${NUM}\\s*(?:${SUI})?\\s*${SEP}\\s*${NUM}\\s*${SUI}`, "g"), age: ageRange },
  { code: "age", re: new RegExp(`年龄[^\\d一二三四五六七八九十两]{0,4}${NUM}\\s*(?:${SUI})?\\s*${SEP}\\s*${NUM}`, "g"), age: ageRange },
  { code: "age", re: new RegExp(`${NUM}\\s*${SUI}\\s*(?:及?以下|以内|之内|以里|内)`, "g"), age: ageCeiling },
  { code: "age", re: new RegExp(`年龄[^\\d一二三四五六七八九十两]{0,4}${NUM}\\s*(?:及?以下|以内|之内)`, "g"), age: ageCeiling },
  { code: "age", re: new RegExp(`(?:不超过|不大于|不高于|小于|低于|不得超过)\\s*${NUM}\\s*${SUI}`, "g"), age: ageCeiling },
  { code: "age", re: new RegExp(`${NUM}\\s*${SUI}\\s*以上的?\\s*(?:不要|勿扰|免谈|谢绝|不招|不考虑)`, "g"), age: ageCeiling },
  { code: "age", re: new RegExp(`${NUM}\\s*${SUI}\\s*(?:及?以上|起)(?!的?\\s*(?:不要|勿扰|免谈|谢绝|不招|不考虑))`, "g"), age: ageFloor },
  { code: "age", re: new RegExp(`(?:年满|满|大于|超过|不低于|不小于|不少于)\\s*${NUM}\\s*${SUI}(?!\\s*(?:的)?\\s*(?:不要|勿扰|免谈|谢绝|不招))`, "g"), age: ageFloor },
  // Household registration.
  { code: "hukou", re: /(?:限|仅限|只限|只要|只招|须|需|要求)?(?:本地|本县|本市|本省|本区|本乡|城镇|城市|非农业?|农业|农村)(?:户口|户籍)/g },
  { code: "hukou", re: /(?:户口|户籍)(?:所在地)?(?:要求|限|须为?|需为?|必须)?[：:\s]*(?:本地|本县|本市|本省|城镇|非农)/g },
  { code: "hukou", re: /(?:外地|农村|农业)(?:户口|户籍)?\s*(?:勿扰|不要|免谈|谢绝|不招)/g },
  // Place of origin.
  { code: "origin", re: /(?:限|仅限|只限|只要|只招|只收)(?:本地|本县|本市|本省|本乡|本镇|本村)人?(?!户口|户籍)/g },
  { code: "origin", re: /本地人(?:优先)?/g },
  { code: "origin", re: /(?:外地|外省|外县|外乡)人?\s*(?:勿扰|不要|免谈|谢绝|不招|不考虑)|(?:不要|不招|谢绝|拒绝)\s*(?:外地|外省|外县)人?/g },
  { code: "origin", re: /(?:河南|东北|新疆|西藏|四川|湖南|湖北|安徽|甘肃|江西|广西|贵州|云南|山东|河北|陕西|[\p{Script=Han}]{1,3}籍)人?\s*(?:勿扰|不要|免谈|谢绝|除外|不招)/gu },
  { code: "origin", re: /籍贯(?:要求|限)?[：:\s]*(?:限|须|需)?/g },
  // Ethnicity.
  { code: "ethnicity", re: /(?:限|仅限|只限|只要|只招)?汉族/g },
  { code: "ethnicity", re: /(?:少数民族|回族|藏族|维族|维吾尔族?)\s*(?:勿扰|不要|免谈|谢绝|除外|不招)|(?:不要|不招|谢绝|拒绝)\s*(?:少数民族|回族|藏族|维族|维吾尔族?)/g },
  { code: "ethnicity", re: /民族(?:要求)?[：:\s]*(?:限)?汉/g },
  // Health (infectious pathogen carriers).
  { code: "health", re: /乙肝|两对半|大三阳|小三阳|HBV|HIV|艾滋|(?:病原|病毒)?携带者|传染病(?:病原)?携带/gi },
  // Marriage and childbirth.
  { code: "marital", re: /未婚|已婚(?:已育)?|已育|未育|婚育|无孩|不孕|孕妇|怀孕|备孕|二胎|单身/g },
  // Appearance.
  { code: "appearance", re: /身高|体重|相貌|长相|容貌|颜值|五官端正|形象(?:好|佳|气质)/g },
];

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 18, "十八", "四十五", "十" -> number. */
function toInt(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const ten = s.indexOf("十");
  if (ten < 0) return CN_DIGITS[s] ?? NaN;
  const tens = ten === 0 ? 1 : CN_DIGITS[s.slice(0, ten)] ?? NaN;
  const ones = ten === s.length - 1 ? 0 : CN_DIGITS[s.slice(ten + 1)] ?? NaN;
  return tens * 10 + ones;
}

/** Full-width digits and letters to ASCII; one code unit each, so indexes are preserved. */
function normalise(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

function mask(text: string): string {
  let out = text;
  for (const re of NEUTRAL) out = out.replace(re, (m) => "□".repeat(m.length));
  return out;
}

/**
 * Check an employer's job text for discriminatory requirements (R10).
 * `ok` is true when nothing was found. Findings are sorted by position; overlapping matches of the
 * same kind are merged into one.
 */
export function checkDiscrimination(text: string): DiscriminationCheck {
  const scan = mask(normalise(text));
  const raw: DiscriminationFinding[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (const m of scan.matchAll(p.re)) {
      if (m[0].length === 0) continue;
      const index = m.index;
      const match = text.slice(index, index + m[0].length);
      const codes = p.age ? p.age(m.slice(1).filter((g): g is string => g !== undefined).map(toInt)) : [p.code];
      for (const code of codes) {
        const t = TEXT[code];
        raw.push({ code, match, index, zh: t.zh, en: t.en, law: t.law, lawEn: t.lawEn });
      }
    }
  }
  raw.sort((a, b) => a.index - b.index || b.match.length - a.match.length);
  // Overlapping matches of the same kind are one finding spanning them all.
  const findings: DiscriminationFinding[] = [];
  for (const f of raw) {
    const g = findings.find((x) => x.code === f.code && f.index < x.index + x.match.length);
    if (g) {
      const end = Math.max(g.index + g.match.length, f.index + f.match.length);
      g.match = text.slice(g.index, end);
    } else findings.push(f);
  }
  return { ok: findings.length === 0, findings };
}
