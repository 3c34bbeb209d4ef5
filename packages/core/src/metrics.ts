/**
 * Market metrics, defined once so the API, the dashboard and exports compute the same number.
 * Each returns null when the denominator is 0 (the dashboard shows "—"), and never NaN or Infinity:
 * a negative or non-finite input also gives null. Values are unrounded; round only for display.
 */

export type MetricKey =
  | "demandSupplyRatio"
  | "placementRate"
  | "fillRate"
  | "medianTimeToFillDays"
  | "complaintsPer100Jobs"
  | "repeatHireRate"
  | "wageToGuidanceRatio";

function count(n: number): boolean {
  return Number.isFinite(n) && n >= 0;
}

function ratio(numerator: number, denominator: number, scale = 1): number | null {
  if (!count(numerator) || !count(denominator) || denominator === 0) return null;
  return (numerator * scale) / denominator;
}

/** 求人倍率: job openings ÷ job seekers in the same period. Above 1 means more jobs than seekers. */
export function demandSupplyRatio(openings: number, seekers: number): number | null {
  return ratio(openings, seekers);
}

/** Placement rate: registered job seekers who started at least one job ÷ registered job seekers. */
export function placementRate(placed: number, seekers: number): number | null {
  return ratio(placed, seekers);
}

/** Fill rate: positions filled ÷ positions requested by job orders. */
export function fillRate(filled: number, requested: number): number | null {
  return ratio(filled, requested);
}

/**
 * Median days from publishing a job order to its last position being filled, over filled orders.
 * Non-finite or negative durations are ignored; null when none remain. Even counts average the two
 * middle values. The input is not modified.
 */
export function medianTimeToFillDays(durations: readonly number[]): number | null {
  const xs = durations.filter(count).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  return xs.length % 2 === 1 ? (xs[mid] ?? null) : ((xs[mid - 1] ?? 0) + (xs[mid] ?? 0)) / 2;
}

/** Complaints received (upheld or not) per 100 completed jobs. */
export function complaintsPer100Jobs(complaints: number, jobs: number): number | null {
  return ratio(complaints, jobs, 100);
}

/** Repeat-hire rate: hires of a worker the same employer had hired before ÷ all hires. */
export function repeatHireRate(repeatHires: number, hires: number): number | null {
  return ratio(repeatHires, hires);
}

/** Jobs paid at one guidance midpoint: one market's table in force, one trade and skill grade. */
export interface WageGuidanceGroup {
  jobs: number;
  wageSumFen: number;
  guidanceMidFen: number;
}

/**
 * Wage against guidance (M7): each group's average paid wage ÷ its guidance midpoint, averaged over the
 * groups weighted by their jobs, i.e. Σ(wageSum ÷ mid) ÷ Σ jobs. Groups are priced by their own table
 * first, so markets with different tables are never measured against one another's (dividing the pooled
 * average by a pooled midpoint would let a high-wage county hide a low one). 1 means paid at the midpoint.
 * Groups with no jobs, a midpoint of 0 or a bad input are left out; null when none remain.
 */
export function wageToGuidanceRatio(groups: readonly WageGuidanceGroup[]): number | null {
  let weighted = 0;
  let jobs = 0;
  for (const g of groups) {
    if (!count(g.jobs) || g.jobs === 0 || !count(g.wageSumFen) || !count(g.guidanceMidFen) || g.guidanceMidFen === 0) continue;
    weighted += g.wageSumFen / g.guidanceMidFen;
    jobs += g.jobs;
  }
  return jobs > 0 ? weighted / jobs : null;
}

/**
 * The same ratio from sums kept per job (the API's rollups): Σ over priced jobs of wage ÷ the midpoint in force
 * on the job's day, divided by the number of those jobs. Equal to `wageToGuidanceRatio` over groups of one
 * midpoint, because a group's wageSum ÷ mid is the sum of its jobs' wage ÷ mid. Null when no job was priced.
 */
export function wageToGuidanceRatioOfSums(wageOverMidSum: number, pricedJobs: number): number | null {
  return ratio(wageOverMidSum, pricedJobs);
}

/** One-line definitions the dashboard prints under each chart and the API documents. */
export const METRIC_DEFINITIONS: Record<MetricKey, { zh: string; en: string; formula: string }> = {
  demandSupplyRatio: {
    zh: "求人倍率：统计期内用工需求岗位数 ÷ 求职登记人数；大于1表示岗位多于求职者。",
    en: "Demand-to-supply ratio: job openings ÷ job seekers in the period; above 1 means more jobs than seekers.",
    formula: "openings / seekers",
  },
  placementRate: {
    zh: "上岗率：统计期内实现上岗的求职登记人数 ÷ 求职登记人数。",
    en: "Placement rate: registered job seekers who started at least one job ÷ registered job seekers.",
    formula: "placed / seekers",
  },
  fillRate: {
    zh: "岗位满足率：已到岗人数 ÷ 用工订单需求人数。",
    en: "Fill rate: positions filled ÷ positions requested by job orders.",
    formula: "filled / requested",
  },
  medianTimeToFillDays: {
    zh: "招满用时中位数：已招满订单从发布到最后一人到岗的天数的中位数。",
    en: "Median time to fill: median days from publishing an order to its last position being filled.",
    formula: "median(filled_at - published_at) in days",
  },
  complaintsPer100Jobs: {
    zh: "百单投诉数：统计期内收到的投诉数 ÷ 完成的用工单数 × 100。",
    en: "Complaints per 100 jobs: complaints received ÷ completed jobs × 100.",
    formula: "complaints / jobs × 100",
  },
  repeatHireRate: {
    zh: "回头客率：雇主再次雇用曾雇用过的同一零工的用工次数 ÷ 全部用工次数。",
    en: "Repeat-hire rate: hires of a worker the same employer had hired before ÷ all hires.",
    formula: "repeatHires / hires",
  },
  wageToGuidanceRatio: {
    zh: "工资对照指导价：已完工按日计酬用工的约定日工资 ÷ 该县在用工当天施行的指导价中位（按工种、技术等级），再按用工数平均。",
    en: "Wage against guidance: each completed day-rate job's agreed day wage ÷ the midpoint of the guidance table its county had in force on the job's day (by trade and skill grade), averaged over jobs.",
    formula: "Σ(wage / guidanceMid on the job's day) / jobs priced",
  },
};
