import { findTrade, TRADE_CATEGORY_LABELS, type TradeCategory } from "./trades.ts";
import { reason, SKILL_GRADE_LABELS, SKILL_GRADE_ORDER, type Reason, type SkillGrade, type StarGrade } from "./types.ts";

/**
 * Guidance wages (劳务报酬指导价位, M7): a day rate by trade and skill grade, scaled by the worker's
 * star grade, turned into a range for a job order and a floor below which an offer is flagged.
 * All money is integer fen; every division rounds half up (`divRound`), so outputs are integers
 * and the same inputs give the same fen on every machine.
 */

export type WageUnit = "day" | "half_day" | "hour";

export const WAGE_UNIT_LABELS: Record<WageUnit, { zh: string; en: string }> = {
  day: { zh: "天", en: "day" },
  half_day: { zh: "半天", en: "half day" },
  hour: { zh: "小时", en: "hour" },
};

export interface GuidanceWagePolicy {
  version: string;
  /** Day rate (fen) by trade code and skill grade. A missing grade takes the nearest lower grade's rate. */
  dayRateFen: Record<string, Partial<Record<SkillGrade, number>>>;
  /** Day rate (fen) for a trade with no row in `dayRateFen`, by the trade's category. */
  categoryDefaultFen: Record<TradeCategory, number>;
  /** Multiplier (‰) by star grade 0..5; should not fall as stars rise (a falling entry is read as level). */
  starMultiplierPermille: readonly [number, number, number, number, number, number];
  /** Half-width of the guidance range around its midpoint (‰): 100 gives midpoint ±10%. */
  rangeSpreadPermille: number;
  /** Half-day rate as a share of the day rate (‰); above 500 because a half day still costs travel. */
  halfDayPermille: number;
  /** Hours in a standard working day, for the hourly rate. */
  hoursPerDay: number;
  /** Floor as a share of the range's low end (‰); an offer below it is flagged. */
  floorPermille: number;
}

/**
 * An ILLUSTRATIVE default for Qinshui County (晋城市沁水县), pitched at what the county's
 * construction sites and households paid day labourers in 2023-2024 (小工 about ¥150 a day, a
 * certified bricklayer about ¥250). It is not the bureau's published table: replace `dayRateFen`
 * with the human resources and social security bureau's 劳务报酬指导价位 when it is issued.
 */
export const DEFAULT_GUIDANCE_WAGE_POLICY: GuidanceWagePolicy = {
  version: "qinshui-wage-2024.1-illustrative",
  dayRateFen: {
    bricklayer: { none: 22_000, L5: 25_000, L4: 28_000, L3: 32_000, L2: 36_000 },
    concrete_worker: { none: 20_000, L5: 22_000, L4: 25_000, L3: 28_000, L2: 32_000 },
    rebar_worker: { none: 22_000, L5: 24_000, L4: 27_000, L3: 30_000, L2: 34_000 },
    scaffolder: { none: 23_000, L5: 26_000, L4: 29_000, L3: 32_000, L2: 36_000 },
    rural_builder: { none: 22_000, L5: 25_000, L4: 28_000, L3: 32_000 },
    waterproofer: { none: 20_000, L5: 23_000, L4: 26_000, L3: 29_000, L2: 33_000 },
    carpenter: { none: 24_000, L5: 27_000, L4: 30_000, L3: 34_000, L2: 38_000, L1: 42_000 },
    plumber: { none: 22_000, L5: 25_000, L4: 28_000, L3: 31_000, L2: 35_000 },
    electrician: { none: 23_000, L5: 26_000, L4: 29_000, L3: 33_000, L2: 37_000, L1: 42_000 },
    welder: { none: 25_000, L5: 28_000, L4: 31_000, L3: 35_000, L2: 39_000, L1: 44_000 },
    decorator: { none: 23_000, L5: 26_000, L4: 29_000, L3: 33_000, L2: 37_000, L1: 42_000 },
    plasterer: { none: 21_000, L5: 24_000, L4: 27_000, L3: 30_000, L2: 34_000 },
    painter: { none: 21_000, L5: 24_000, L4: 27_000, L3: 30_000, L2: 34_000 },
    tiler: { none: 25_000, L5: 28_000, L4: 31_000, L3: 35_000, L2: 39_000 },
    excavator_operator: { none: 32_000, L5: 35_000, L4: 38_000, L3: 42_000 },
    loader_operator: { none: 28_000, L5: 30_000, L4: 33_000, L3: 36_000 },
    truck_driver: { none: 26_000, L5: 28_000, L4: 31_000, L3: 34_000 },
    farm_machinery_operator: { none: 22_000, L5: 24_000, L4: 27_000, L3: 30_000 },
    general_labourer: { none: 15_000 },
    porter: { none: 16_000 },
    cleaner: { none: 12_000 },
    warehouse_keeper: { none: 13_000, L5: 14_000, L4: 16_000, L3: 18_000 },
    mine_auxiliary: { none: 20_000 },
    housekeeper: { none: 15_000, L5: 17_000, L4: 19_000, L3: 22_000 },
    infant_carer: { none: 18_000, L5: 20_000, L4: 23_000, L3: 26_000 },
    elderly_carer: { none: 16_000, L5: 18_000, L4: 20_000, L3: 23_000, L2: 26_000, L1: 30_000 },
    greening_worker: { none: 13_000 },
    farm_picker: { none: 12_000 },
    horticulturist: { none: 13_000, L5: 15_000, L4: 17_000, L3: 19_000 },
    mushroom_grower: { none: 13_000, L5: 15_000, L4: 17_000, L3: 19_000 },
    cook: { none: 20_000, L5: 22_000, L4: 25_000, L3: 28_000, L2: 32_000, L1: 36_000 },
    catering_server: { none: 12_000 },
    security_guard: { none: 12_000, L5: 13_000, L4: 15_000, L3: 17_000 },
    courier: { none: 15_000, L5: 16_000, L4: 18_000, L3: 20_000 },
  },
  categoryDefaultFen: {
    construction: 20_000,
    decoration: 22_000,
    general: 15_000,
    household: 15_000,
    agriculture: 12_000,
    transport: 25_000,
    other: 15_000,
  },
  starMultiplierPermille: [1000, 1000, 1050, 1100, 1150, 1200],
  rangeSpreadPermille: 100,
  halfDayPermille: 550,
  hoursPerDay: 8,
  floorPermille: 900,
};

export interface GuidanceRangeInput {
  trade: string;
  skillGrade: SkillGrade;
  stars: StarGrade;
  unit: WageUnit;
}

export interface GuidanceRange {
  lowFen: number;
  midFen: number;
  highFen: number;
  unit: WageUnit;
  reasons: Reason[];
}

export interface OfferedWageInput {
  trade: string;
  skillGrade: SkillGrade;
  /** The star grade the order asks for; absent means any worker, so the floor uses 0 stars. */
  stars?: StarGrade;
  unit: WageUnit;
  offeredFen: number;
}

export interface OfferedWageCheck {
  belowFloor: boolean;
  floorFen: number;
  range: GuidanceRange;
  reasons: Reason[];
}

/** `a / b` rounded half up, for a >= 0 and b > 0 integers (exact: no floating-point ties). */
function divRound(a: number, b: number): number {
  return Math.floor((2 * a + b) / (2 * b));
}

/** Non-negative integer, or 0 for anything else (a malformed policy must not produce NaN fen). */
function fen(n: number | undefined): number {
  return typeof n === "number" && Number.isFinite(n) && n > 0 ? Math.round(n) : 0;
}

/**
 * The day rate before stars. The highest table rate at or below the grade (so the rate never falls
 * as grade rises even if a table row does); below the lowest listed grade, the lowest listed rate;
 * a trade without a row takes its category default (`other` for a trade not in the catalogue).
 */
function baseDayRate(policy: GuidanceWagePolicy, trade: string, grade: SkillGrade): { fen: number; source: "table" | "category"; category: TradeCategory } {
  const category = findTrade(trade)?.category ?? "other";
  const row = policy.dayRateFen[trade];
  const listed = row ? SKILL_GRADE_ORDER.filter((g) => row[g] !== undefined) : [];
  if (!row || listed.length === 0) return { fen: fen(policy.categoryDefaultFen[category]), source: "category", category };
  const rank = SKILL_GRADE_ORDER.indexOf(grade);
  const atOrBelow = listed.filter((g) => SKILL_GRADE_ORDER.indexOf(g) <= rank).map((g) => fen(row[g]));
  const value = atOrBelow.length > 0 ? Math.max(...atOrBelow) : Math.min(...listed.map((g) => fen(row[g])));
  return { fen: value, source: "table", category };
}

function starMultiplier(policy: GuidanceWagePolicy, stars: number): number {
  const s = Math.max(0, Math.min(5, Math.floor(stars)));
  let m = 0;
  for (let i = 0; i <= s; i++) m = Math.max(m, fen(policy.starMultiplierPermille[i]));
  return m;
}

function toUnit(policy: GuidanceWagePolicy, dayFen: number, unit: WageUnit): number {
  if (unit === "half_day") return divRound(dayFen * fen(policy.halfDayPermille), 1000);
  if (unit === "hour") return divRound(dayFen, Math.max(1, fen(policy.hoursPerDay)));
  return dayFen;
}

/** `¥250.00` (fen to yuan with two decimals; `-¥1.50` for negatives, `¥—` for a non-number). */
export function formatFen(value: number): string {
  if (!Number.isFinite(value)) return "¥—";
  const f = Math.round(value);
  const abs = Math.abs(f);
  return `${f < 0 ? "-" : ""}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/**
 * The guidance range for one job order: midpoint = day rate × star multiplier, converted to the
 * unit, then low/high = midpoint × (1 ∓ spread). Never falls as skill grade or stars rise.
 */
export function guidanceRange(policy: GuidanceWagePolicy, input: GuidanceRangeInput): GuidanceRange {
  const base = baseDayRate(policy, input.trade, input.skillGrade);
  const multiplier = starMultiplier(policy, input.stars);
  const midDay = divRound(base.fen * multiplier, 1000);
  const midFen = toUnit(policy, midDay, input.unit);
  const spread = Math.min(1000, fen(policy.rangeSpreadPermille));
  const lowFen = divRound(midFen * (1000 - spread), 1000);
  const highFen = divRound(midFen * (1000 + spread), 1000);
  const unitZh = WAGE_UNIT_LABELS[input.unit].zh;
  const tradeZh = findTrade(input.trade)?.zh ?? input.trade;
  const gradeZh = SKILL_GRADE_LABELS[input.skillGrade]?.zh ?? input.skillGrade;
  const reasons: Reason[] = [
    reason(
      "wage.guidance_range",
      `指导价 ${formatFen(lowFen)}–${formatFen(highFen)}/${unitZh}（${tradeZh}，${gradeZh}，${input.stars}星）`,
      `Guidance ${formatFen(lowFen)}–${formatFen(highFen)} per ${WAGE_UNIT_LABELS[input.unit].en} (${input.trade}, ${input.skillGrade}, ${input.stars} stars)`,
      { lowFen, midFen, highFen, unit: input.unit, baseDayFen: base.fen, starMultiplierPermille: multiplier, policyVersion: policy.version },
    ),
  ];
  if (base.source === "category") {
    reasons.push(
      reason(
        "wage.category_default",
        `指导价表中没有“${tradeZh}”，按“${TRADE_CATEGORY_LABELS[base.category].zh}”类默认日价 ${formatFen(base.fen)} 计算`,
        `No row for ${input.trade} in the guidance table; used the ${base.category} default day rate ${formatFen(base.fen)}`,
        { category: base.category, baseDayFen: base.fen },
      ),
    );
  }
  return { lowFen, midFen, highFen, unit: input.unit, reasons };
}

/**
 * Check an employer's offered wage against the guidance range. `belowFloor` when the offer is under
 * the floor (low end × floorPermille); staff then advise the employer (R10) before publishing the order.
 */
export function checkOfferedWage(policy: GuidanceWagePolicy, input: OfferedWageInput): OfferedWageCheck {
  const range = guidanceRange(policy, { trade: input.trade, skillGrade: input.skillGrade, stars: input.stars ?? 0, unit: input.unit });
  const floorFen = divRound(range.lowFen * fen(policy.floorPermille), 1000);
  const offered = input.offeredFen;
  const belowFloor = !(offered >= floorFen);
  const unitZh = WAGE_UNIT_LABELS[input.unit].zh;
  const unitEn = WAGE_UNIT_LABELS[input.unit].en;
  const data = { offeredFen: Number.isFinite(offered) ? offered : null, floorFen, lowFen: range.lowFen, highFen: range.highFen, unit: input.unit };
  let verdict: Reason;
  if (belowFloor) {
    verdict = reason("wage.below_floor", `报酬低于指导价下限 ${formatFen(floorFen)}/${unitZh}（报价 ${formatFen(offered)}）`, `Offer ${formatFen(offered)} is below the guidance floor ${formatFen(floorFen)} per ${unitEn}`, data);
  } else if (offered < range.lowFen) {
    verdict = reason("wage.below_range", `报酬低于指导价区间 ${formatFen(range.lowFen)}–${formatFen(range.highFen)}/${unitZh}，但未低于下限`, `Offer ${formatFen(offered)} is below the guidance range but above the floor`, data);
  } else if (offered > range.highFen) {
    verdict = reason("wage.above_range", `报酬高于指导价区间 ${formatFen(range.lowFen)}–${formatFen(range.highFen)}/${unitZh}`, `Offer ${formatFen(offered)} is above the guidance range`, data);
  } else {
    verdict = reason("wage.within_range", `报酬在指导价区间 ${formatFen(range.lowFen)}–${formatFen(range.highFen)}/${unitZh} 内`, `Offer ${formatFen(offered)} is within the guidance range`, data);
  }
  return { belowFloor, floorFen, range, reasons: [verdict, ...range.reasons] };
}

/** Problems with a policy (empty when it is sound); run it when a county loads its own table. */
export function validateGuidanceWagePolicy(policy: GuidanceWagePolicy): string[] {
  const problems: string[] = [];
  const isFen = (n: unknown) => typeof n === "number" && Number.isInteger(n) && n > 0;
  for (const [trade, row] of Object.entries(policy.dayRateFen)) {
    let last = 0;
    for (const g of SKILL_GRADE_ORDER) {
      const v = row[g];
      if (v === undefined) continue;
      if (!isFen(v)) problems.push(`dayRateFen.${trade}.${g} must be a positive integer (fen)`);
      else if (v < last) problems.push(`dayRateFen.${trade}.${g} is lower than a lower grade's rate`);
      else last = v;
    }
  }
  for (const [category, v] of Object.entries(policy.categoryDefaultFen)) if (!isFen(v)) problems.push(`categoryDefaultFen.${category} must be a positive integer (fen)`);
  const m = policy.starMultiplierPermille;
  if (m.length !== 6) problems.push("starMultiplierPermille needs six entries (stars 0..5)");
  for (let i = 1; i < m.length; i++) if ((m[i] ?? 0) < (m[i - 1] ?? 0)) problems.push(`starMultiplierPermille[${i}] falls below star ${i - 1}`);
  if (!(policy.rangeSpreadPermille >= 0 && policy.rangeSpreadPermille < 1000)) problems.push("rangeSpreadPermille must be in 0..999");
  if (!isFen(policy.halfDayPermille) || policy.halfDayPermille > 1000) problems.push("halfDayPermille must be in 1..1000");
  if (!isFen(policy.hoursPerDay) || policy.hoursPerDay > 24) problems.push("hoursPerDay must be an integer in 1..24");
  if (!isFen(policy.floorPermille) || policy.floorPermille > 1000) problems.push("floorPermille must be in 1..1000");
  return problems;
}
