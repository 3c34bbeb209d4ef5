import { isIntIn, isNumIn, isObject, isShare, isVersion } from "./policy-checks.ts";
import { notAnObject, policyProblemList } from "./policy-problems.ts";
import type { IndexNames, PartNames, PolicyProblem } from "./policy-problems.ts";
import { SANCTION_STEPS } from "./sanction-policy.ts";
import { SKILL_GRADE_ORDER } from "./types.ts";

const GRADING_PART_NAMES: PartNames = {
  initial: { zh: "首次评定", en: "First grade" },
  yearsBands: { zh: "工作年限档", en: "Work-history bands" },
  minYears: { zh: "起始年限", en: "From years" },
  stars: { zh: "星数", en: "Stars" },
  skillBonuses: { zh: "技能等级加星", en: "Skill-grade bonuses" },
  minSkill: { zh: "最低技能等级", en: "Lowest skill grade" },
  verifiedReferencesBonus: { zh: "经历核实加星", en: "Verified-history bonus" },
  maxGrade: { zh: "首次评定最高星级", en: "Highest first grade" },
  review: { zh: "定期评定", en: "Periodic review" },
  windowDays: { zh: "统计天数", en: "Days of record counted" },
  windowMaxJobs: { zh: "最多计入单数", en: "Most jobs counted" },
  minRatedJobsForPromotion: { zh: "晋升最少回访单数", en: "Rated jobs needed for promotion" },
  priorMean: { zh: "平滑先验均分", en: "Prior mean score" },
  priorWeight: { zh: "先验单数", en: "Prior weight in jobs" },
  promotion: { zh: "晋升条件", en: "Promotion thresholds" },
  keep: { zh: "保级条件", en: "Keep thresholds" },
  minRatedJobs: { zh: "最少回访单数", en: "Minimum rated jobs" },
  minAttitude: { zh: "服务态度平均分下限", en: "Minimum mean attitude" },
  minQuality: { zh: "工作质量平均分下限", en: "Minimum mean quality" },
  minSatisfactionUb: { zh: "满意率乐观估计下限", en: "Minimum satisfaction upper bound" },
  maxUpheldComplaintRateLb: { zh: "成立投诉率上限", en: "Highest upheld-complaint rate" },
  demotionSanctionKinds: { zh: "降级处分类别", en: "Demoting sanction steps" },
};

const STAR_WORDS = ["一星", "二星", "三星", "四星", "五星"];

// review.promotion.3 is the threshold of three stars, not the third item of a list.
const gradingIndexNames: IndexNames = (parent, i) =>
  (parent === "promotion" || parent === "keep") && i >= 1 && i <= 5 ? { zh: STAR_WORDS[i - 1] ?? String(i), en: `${i} stars` } : undefined;

const GRADES = ["1", "2", "3", "4", "5"] as const;

/**
 * Problems with a grading policy a market publishes (empty when it is sound), each with its field's
 * path and Chinese and English text naming it. Checks every field `initialGrade` and `reviewGrade`
 * read, so a policy that passes grades any worker without throwing: star counts are whole numbers
 * 0..5, scores 1..5, shares 0..1, the window at least one day, the smoothing weight above 0 (else a
 * worker without ratings averages 0/0). Per grade, the keep thresholds may not be above the
 * promotion thresholds, or a worker just promoted would be demoted at the next review on the same
 * record.
 */
export function validateGradingPolicy(policy: unknown): PolicyProblem[] {
  if (!isObject(policy)) return notAnObject();
  const out = policyProblemList(GRADING_PART_NAMES, gradingIndexNames);
  if (!isVersion(policy.version)) out.text("version", 50);

  const initial = policy.initial;
  if (!isObject(initial)) out.missing("initial");
  else {
    const list = <T>(field: string, max: number, item: (o: Record<string, unknown>, at: string) => T) => {
      const v = initial[field];
      if (!Array.isArray(v) || v.length > max) return out.notList(`initial.${field}`, max);
      Array.from(v).forEach((o: unknown, i) => (isObject(o) ? item(o, `initial.${field}.${i}`) : out.missing(`initial.${field}.${i}`)));
    };
    list("yearsBands", 20, (b, at) => {
      if (!isNumIn(b.minYears, 0, 100)) out.numBetween(`${at}.minYears`, 0, 100);
      if (!isIntIn(b.stars, 0, 5)) out.intRange(`${at}.stars`, 0, 5);
    });
    list("skillBonuses", 10, (b, at) => {
      if (typeof b.minSkill !== "string" || !SKILL_GRADE_ORDER.includes(b.minSkill as never)) out.oneOf(`${at}.minSkill`, SKILL_GRADE_ORDER);
      if (!isIntIn(b.stars, 0, 5)) out.intRange(`${at}.stars`, 0, 5);
    });
    if (!isIntIn(initial.verifiedReferencesBonus, 0, 5)) out.intRange("initial.verifiedReferencesBonus", 0, 5);
    if (!isIntIn(initial.maxGrade, 0, 5)) out.intRange("initial.maxGrade", 0, 5);
  }

  const review = policy.review;
  if (!isObject(review)) {
    out.missing("review");
    return out.list;
  }
  const r = "review";
  if (!isIntIn(review.windowDays, 1, 3650)) out.intRange(`${r}.windowDays`, 1, 3650);
  if (!isIntIn(review.windowMaxJobs, 1, 100_000)) out.intRange(`${r}.windowMaxJobs`, 1, 100_000);
  if (!(isNumIn(review.z, 0, 5) && review.z > 0)) out.numRange(`${r}.z`, 0, 5);
  if (!isIntIn(review.minRatedJobsForPromotion, 0, 100_000)) out.intRange(`${r}.minRatedJobsForPromotion`, 0, 100_000);
  if (!isNumIn(review.priorMean, 1, 5)) out.numBetween(`${r}.priorMean`, 1, 5);
  if (!(isNumIn(review.priorWeight, 0, 1000) && review.priorWeight > 0)) out.numRange(`${r}.priorWeight`, 0, 1000);
  if (!isShare(review.maxUpheldComplaintRateLb)) out.share(`${r}.maxUpheldComplaintRateLb`);

  const promotion = isObject(review.promotion) ? review.promotion : undefined;
  const keep = isObject(review.keep) ? review.keep : undefined;
  if (promotion === undefined) out.missing(`${r}.promotion`);
  if (keep === undefined) out.missing(`${r}.keep`);
  for (const g of GRADES) {
    const pr = promotion === undefined ? undefined : Object.hasOwn(promotion, g) ? promotion[g] : undefined;
    const kp = keep === undefined ? undefined : Object.hasOwn(keep, g) ? keep[g] : undefined;
    const pAt = `${r}.promotion.${g}`;
    const kAt = `${r}.keep.${g}`;
    let pOk = { sat: false, quality: false };
    if (promotion !== undefined && !isObject(pr)) out.missing(pAt);
    if (isObject(pr)) {
      if (!isIntIn(pr.minRatedJobs, 0, 100_000)) out.intRange(`${pAt}.minRatedJobs`, 0, 100_000);
      pOk = { sat: isShare(pr.minSatisfactionLb), quality: isNumIn(pr.minQuality, 1, 5) };
      if (!pOk.sat) out.share(`${pAt}.minSatisfactionLb`);
      if (!isNumIn(pr.minAttitude, 1, 5)) out.numBetween(`${pAt}.minAttitude`, 1, 5);
      if (!pOk.quality) out.numBetween(`${pAt}.minQuality`, 1, 5);
      if (!isIntIn(pr.maxUpheldComplaints, 0, 100_000)) out.intRange(`${pAt}.maxUpheldComplaints`, 0, 100_000);
    }
    if (keep !== undefined && !isObject(kp)) out.missing(kAt);
    if (isObject(kp)) {
      if (!isShare(kp.minSatisfactionUb)) out.share(`${kAt}.minSatisfactionUb`);
      else if (isObject(pr) && pOk.sat && kp.minSatisfactionUb > (pr.minSatisfactionLb as number)) out.above(`${kAt}.minSatisfactionUb`, `${pAt}.minSatisfactionLb`);
      if (!isNumIn(kp.minQuality, 1, 5)) out.numBetween(`${kAt}.minQuality`, 1, 5);
      else if (isObject(pr) && pOk.quality && kp.minQuality > (pr.minQuality as number)) out.above(`${kAt}.minQuality`, `${pAt}.minQuality`);
    }
  }

  const kinds = review.demotionSanctionKinds;
  if (!Array.isArray(kinds) || kinds.length > SANCTION_STEPS.length) out.notList(`${r}.demotionSanctionKinds`, SANCTION_STEPS.length);
  else
    Array.from(kinds).forEach((k: unknown, i) => {
      const at = `${r}.demotionSanctionKinds.${i}`;
      if (typeof k !== "string" || !SANCTION_STEPS.includes(k as never)) out.oneOf(at, SANCTION_STEPS);
      else if (kinds.indexOf(k) < i) out.duplicate(at);
    });
  return out.list;
}
