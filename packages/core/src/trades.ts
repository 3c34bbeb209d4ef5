import type { SkillGrade } from "./types.ts";

/**
 * The trades (工种) a county gig market sees, with the national occupational classification code
 * (《中华人民共和国职业分类大典》2022 edition) where the trade matches one occupation.
 *
 * Codes were checked against a listing of the 2022 edition's public-comment text (社会公示稿);
 * a trade whose code could not be checked has `ocCode: null` rather than a guessed code. Several
 * colloquial market trades (小工, 瓦工/贴砖) are not one occupation and stay null on purpose.
 *
 * `grades` lists the skill grades a worker of the trade may hold. `none` is in every list because
 * most county workers hold no certificate; trades without a national skill standard have only `none`.
 * The grade sets are Qinshui's working assumption for the levels its training centres assess,
 * to be confirmed against the current national skill standards (国家职业技能标准) per trade.
 */

export type TradeCategory = "construction" | "decoration" | "general" | "household" | "agriculture" | "transport" | "other";

export const TRADE_CATEGORIES: readonly TradeCategory[] = ["construction", "decoration", "general", "household", "agriculture", "transport", "other"];

export const TRADE_CATEGORY_LABELS: Record<TradeCategory, { zh: string; en: string }> = {
  construction: { zh: "建筑施工", en: "Construction" },
  decoration: { zh: "装饰装修", en: "Decoration" },
  general: { zh: "普工杂工", en: "General labour" },
  household: { zh: "家政服务", en: "Household services" },
  agriculture: { zh: "农业林业", en: "Agriculture and forestry" },
  transport: { zh: "机械运输", en: "Machinery and transport" },
  other: { zh: "其他服务", en: "Other services" },
};

/** Certificates a job in the trade requires by law or regulation; matching filters on them. */
export type CertificateCode = "special_operation" | "driving_licence" | "road_freight_qualification" | "security_guard" | "health_certificate";

export const CERTIFICATE_LABELS: Record<CertificateCode, { zh: string; en: string }> = {
  special_operation: { zh: "特种作业操作证", en: "Special operation certificate" },
  driving_licence: { zh: "机动车驾驶证（对应准驾车型）", en: "Driving licence (matching class)" },
  road_freight_qualification: { zh: "道路货物运输从业资格证", en: "Road freight qualification" },
  security_guard: { zh: "保安员证", en: "Security guard certificate" },
  health_certificate: { zh: "健康证明", en: "Health certificate" },
};

export interface Trade {
  /** Stable slug used in data and URLs; never renamed. */
  code: string;
  /** National occupational classification code, or null where none was verified. */
  ocCode: string | null;
  zh: string;
  en: string;
  category: TradeCategory;
  grades: readonly SkillGrade[];
  certificates?: readonly CertificateCode[];
}

const ALL: readonly SkillGrade[] = ["none", "L5", "L4", "L3", "L2", "L1"];
const TO_L2: readonly SkillGrade[] = ["none", "L5", "L4", "L3", "L2"];
const TO_L3: readonly SkillGrade[] = ["none", "L5", "L4", "L3"];
const NONE: readonly SkillGrade[] = ["none"];

export const TRADES: readonly Trade[] = [
  // 建筑施工
  { code: "bricklayer", ocCode: "6-29-01-01", zh: "砌筑工", en: "Bricklayer", category: "construction", grades: TO_L2 },
  { code: "concrete_worker", ocCode: "6-29-01-03", zh: "混凝土工", en: "Concrete worker", category: "construction", grades: TO_L2 },
  { code: "rebar_worker", ocCode: "6-29-01-04", zh: "钢筋工", en: "Rebar worker", category: "construction", grades: TO_L2 },
  { code: "scaffolder", ocCode: "6-29-01-05", zh: "架子工", en: "Scaffolder", category: "construction", grades: TO_L2, certificates: ["special_operation"] },
  { code: "rural_builder", ocCode: "6-29-01-07", zh: "乡村建设工匠", en: "Rural construction craftsman", category: "construction", grades: TO_L3 },
  { code: "waterproofer", ocCode: "6-29-02-08", zh: "防水工", en: "Waterproofer", category: "construction", grades: TO_L2 },
  { code: "carpenter", ocCode: null, zh: "木工（模板工）", en: "Carpenter / formwork", category: "construction", grades: ALL },
  { code: "plumber", ocCode: "6-29-03-04", zh: "水暖工（管工）", en: "Plumber / pipe fitter", category: "construction", grades: TO_L2 },
  { code: "electrician", ocCode: null, zh: "电工", en: "Electrician", category: "construction", grades: ALL, certificates: ["special_operation"] },
  { code: "welder", ocCode: null, zh: "焊工", en: "Welder", category: "construction", grades: ALL, certificates: ["special_operation"] },
  // 装饰装修
  { code: "decorator", ocCode: "6-29-04-01", zh: "装饰装修工", en: "Decoration worker", category: "decoration", grades: ALL },
  { code: "plasterer", ocCode: null, zh: "抹灰工", en: "Plasterer", category: "decoration", grades: TO_L2 },
  { code: "painter", ocCode: null, zh: "油漆工", en: "Painter", category: "decoration", grades: TO_L2 },
  { code: "tiler", ocCode: null, zh: "瓦工/贴砖", en: "Tiler", category: "decoration", grades: TO_L2 },
  // 机械运输
  { code: "excavator_operator", ocCode: "6-30-05-05", zh: "挖掘机司机", en: "Excavator operator", category: "transport", grades: TO_L3 },
  { code: "loader_operator", ocCode: "6-30-05-05", zh: "装载机司机", en: "Wheel loader operator", category: "transport", grades: TO_L3 },
  { code: "truck_driver", ocCode: "4-02-02-02", zh: "货车司机", en: "Truck driver", category: "transport", grades: TO_L3, certificates: ["driving_licence", "road_freight_qualification"] },
  { code: "farm_machinery_operator", ocCode: "5-05-05-01", zh: "农机驾驶操作员", en: "Farm machinery operator", category: "agriculture", grades: TO_L3, certificates: ["driving_licence"] },
  // 普工杂工
  { code: "general_labourer", ocCode: null, zh: "小工/力工", en: "General labourer", category: "general", grades: NONE },
  { code: "porter", ocCode: "4-02-05-01", zh: "搬运装卸", en: "Loader / porter", category: "general", grades: NONE },
  { code: "cleaner", ocCode: null, zh: "保洁", en: "Cleaner", category: "general", grades: NONE },
  { code: "warehouse_keeper", ocCode: "4-02-06-01", zh: "仓储管理员", en: "Warehouse keeper", category: "general", grades: TO_L3 },
  { code: "mine_auxiliary", ocCode: null, zh: "矿山辅助工", en: "Mine auxiliary worker", category: "general", grades: NONE },
  // 家政服务
  { code: "housekeeper", ocCode: null, zh: "家政服务员", en: "Housekeeper", category: "household", grades: TO_L3, certificates: ["health_certificate"] },
  { code: "infant_carer", ocCode: null, zh: "育婴员", en: "Infant carer", category: "household", grades: TO_L3, certificates: ["health_certificate"] },
  { code: "elderly_carer", ocCode: null, zh: "养老护理员", en: "Elderly carer", category: "household", grades: ALL, certificates: ["health_certificate"] },
  // 农业林业
  { code: "greening_worker", ocCode: null, zh: "绿化工", en: "Landscaping worker", category: "agriculture", grades: NONE },
  { code: "farm_picker", ocCode: null, zh: "农业采摘", en: "Farm picker", category: "agriculture", grades: NONE },
  { code: "horticulturist", ocCode: "5-01-02-02", zh: "园艺工", en: "Horticultural worker", category: "agriculture", grades: TO_L3 },
  { code: "mushroom_grower", ocCode: "5-01-02-03", zh: "食用菌生产工", en: "Mushroom grower", category: "agriculture", grades: TO_L3 },
  // 其他服务
  { code: "cook", ocCode: null, zh: "厨师", en: "Cook", category: "other", grades: ALL, certificates: ["health_certificate"] },
  { code: "catering_server", ocCode: null, zh: "餐饮服务员", en: "Catering server", category: "other", grades: NONE, certificates: ["health_certificate"] },
  { code: "security_guard", ocCode: null, zh: "保安员", en: "Security guard", category: "other", grades: TO_L3, certificates: ["security_guard"] },
  { code: "courier", ocCode: "4-02-07-08", zh: "快递员", en: "Courier", category: "other", grades: TO_L3 },
];

const BY_CODE: ReadonlyMap<string, Trade> = new Map(TRADES.map((t) => [t.code, t]));

/** The trade with this code, or undefined. */
export function findTrade(code: string): Trade | undefined {
  return BY_CODE.get(code);
}

/** Skill grades the trade allows, lowest first; empty for an unknown trade. */
export function allowedSkillGrades(code: string): readonly SkillGrade[] {
  return findTrade(code)?.grades ?? [];
}

/** True when a worker of the trade may hold `grade`; false for an unknown trade. */
export function isSkillGradeAllowed(code: string, grade: SkillGrade): boolean {
  return allowedSkillGrades(code).includes(grade);
}

/** Certificates the trade requires (empty when none or unknown). */
export function requiredCertificates(code: string): readonly CertificateCode[] {
  return findTrade(code)?.certificates ?? [];
}
