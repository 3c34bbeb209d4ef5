import type { SkillGrade, StarGrade } from "./types.ts";

/** Ways a worker's standing is described by the sanction ladder; shared by grading and rewards. */
export type WorkerStatus = "active" | "probation" | "expelled";

/** Thresholds a worker must meet to be promoted INTO a grade. */
export interface PromotionThreshold {
  /** Rated jobs in the window (on top of `minRatedJobsForPromotion`). */
  minRatedJobs: number;
  /** Wilson lower bound (95%) of the satisfied share of rated jobs. */
  minSatisfactionLb: number;
  /** Smoothed mean attitude score, 1..5. */
  minAttitude: number;
  /** Smoothed mean work quality score, 1..5. */
  minQuality: number;
  /** Upheld complaints allowed in the window. */
  maxUpheldComplaints: number;
}

/** Minimums a worker must keep to hold a grade; below them the review demotes one level. */
export interface KeepThreshold {
  /** Wilson UPPER bound of satisfaction: demote only when even the optimistic estimate is below this. */
  minSatisfactionUb: number;
  /** Smoothed mean work quality score, 1..5. */
  minQuality: number;
}

export interface GradingPolicy {
  version: string;
  /** M3: the first grade, from declared work history and skill grade. */
  initial: {
    /** Stars from years of declared work; the highest band whose `minYears` is reached applies. */
    yearsBands: { minYears: number; stars: number }[];
    /** Each bonus applies when the skill grade is at least `minSkill`. */
    skillBonuses: { minSkill: SkillGrade; stars: number }[];
    /** Extra stars when staff verified references for the declared history. */
    verifiedReferencesBonus: number;
    /** The top grades must be earned in the market. */
    maxGrade: StarGrade;
  };
  /** M3, M4, M8: the periodic review. */
  review: {
    /** Rolling window: ratings, complaints and sanctions of the last `windowDays` days ... */
    windowDays: number;
    /** ... and at most this many most recent rated jobs. */
    windowMaxJobs: number;
    /** z of the Wilson interval (1.96 = 95%). */
    z: number;
    minRatedJobsForPromotion: number;
    /**
     * Bayesian smoothing of mean attitude/quality: `priorWeight` pseudo-ratings of `priorMean`
     * are added, so one 5/5 job is not a 5.0 average.
     */
    priorMean: number;
    priorWeight: number;
    /** Thresholds to be promoted into grade 1..5 (index = target grade); they rise with the grade. */
    promotion: Record<1 | 2 | 3 | 4 | 5, PromotionThreshold>;
    /** Thresholds to keep grade 1..5. */
    keep: Record<1 | 2 | 3 | 4 | 5, KeepThreshold>;
    /** Demote when the Wilson lower bound of upheld complaints per job exceeds this. */
    maxUpheldComplaintRateLb: number;
    /**
     * Sanction steps that demote at review. Sanctions whose own grade change was already applied
     * (`gradeApplied: true`) only block promotion, so one offence never demotes twice.
     */
    demotionSanctionKinds: string[];
  };
}

/**
 * Qinshui's defaults (沁水县零工市场运营方案, 2023-07-25, 五.3 星级评定). The plan fixes six levels,
 * one step at a time, from attitude, satisfaction and complaint rate; the numbers below are the
 * operator's starting values and are meant to be tuned by each county.
 */
export const DEFAULT_GRADING_POLICY: GradingPolicy = {
  version: "qinshui-2023.1",
  initial: {
    // 无工作经历 0 星; 1–3 年 1 星; 3 年以上 2 星.
    yearsBands: [
      { minYears: 0, stars: 0 },
      { minYears: 1, stars: 1 },
      { minYears: 3, stars: 2 },
    ],
    // 四级/中级工及以上 +1; 二级/技师及以上再 +1.
    skillBonuses: [
      { minSkill: "L4", stars: 1 },
      { minSkill: "L2", stars: 1 },
    ],
    verifiedReferencesBonus: 0,
    maxGrade: 3,
  },
  review: {
    windowDays: 180,
    windowMaxJobs: 30,
    z: 1.96,
    minRatedJobsForPromotion: 5,
    // Prior 4.0 weighted as 5 jobs: one job scored 1/5 moves a fresh mean only to 3.5.
    priorMean: 4,
    priorWeight: 5,
    promotion: {
      1: { minRatedJobs: 5, minSatisfactionLb: 0.5, minAttitude: 3.5, minQuality: 3.5, maxUpheldComplaints: 1 },
      2: { minRatedJobs: 8, minSatisfactionLb: 0.6, minAttitude: 3.8, minQuality: 3.8, maxUpheldComplaints: 1 },
      3: { minRatedJobs: 12, minSatisfactionLb: 0.7, minAttitude: 4.0, minQuality: 4.0, maxUpheldComplaints: 0 },
      4: { minRatedJobs: 16, minSatisfactionLb: 0.8, minAttitude: 4.3, minQuality: 4.3, maxUpheldComplaints: 0 },
      5: { minRatedJobs: 20, minSatisfactionLb: 0.85, minAttitude: 4.5, minQuality: 4.5, maxUpheldComplaints: 0 },
    },
    keep: {
      1: { minSatisfactionUb: 0.4, minQuality: 2.5 },
      2: { minSatisfactionUb: 0.5, minQuality: 2.8 },
      3: { minSatisfactionUb: 0.6, minQuality: 3.1 },
      4: { minSatisfactionUb: 0.7, minQuality: 3.3 },
      5: { minSatisfactionUb: 0.75, minQuality: 3.5 },
    },
    maxUpheldComplaintRateLb: 0.1,
    demotionSanctionKinds: ["star_demotion"],
  },
};
