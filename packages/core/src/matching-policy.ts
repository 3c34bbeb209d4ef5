/**
 * The numbers behind matching (R5, R6) and the fairness lottery, as data. Another county copies
 * this object and changes numbers, not code; `version` is stored with every recommendation.
 */
export interface MatchingPolicy {
  version: string;
  /** Points of each score part; they sum to 100 so a score reads as "out of 100". */
  weights: { skillFit: number; stars: number; satisfaction: number; proximity: number; rotation: number };
  /**
   * Skill fit, 0..1. Meeting the order's minimum grade gives `meetsMinimum`; each level above it adds
   * `perLevelAbove` (capped at 1). With no minimum, the fit is `noMinimumBase + perLevelAbove × rank`
   * where rank is 0 for no grade up to 5 for L1.
   */
  skillFit: { meetsMinimum: number; perLevelAbove: number; noMinimumBase: number };
  /**
   * Satisfaction as a Bayesian average: (satisfied + priorMean × priorWeight) / (rated + priorWeight).
   * Small samples shrink toward the prior, so 1 good job of 1 (0.83) does not beat 98 of 100 (0.97),
   * and a newcomer gets the prior rather than zero (a Wilson lower bound would give 0 and shut
   * newcomers out, which works against rotation).
   */
  satisfaction: { priorMean: number; priorWeight: number };
  /**
   * Proximity, 0..1: same township, a neighbouring township (per `adjacency`, symmetric), elsewhere,
   * and `unknown` when the order or the worker has no township.
   */
  proximity: { sameTownship: number; neighbouring: number; elsewhere: number; unknown: number; adjacency: Record<string, readonly string[]> };
  /**
   * Fair rotation, 0..1: `idleShare × min(daysSinceLastJob, idleDaysCap) / idleDaysCap` plus
   * `(1 - idleShare) × (1 - min(earnings30dFen, earningsCapFen) / earningsCapFen)`. A worker who has
   * never had a job counts as idle for the full cap.
   */
  rotation: { idleDaysCap: number; idleShare: number; earningsCapFen: number };
  /** 候场查看 (probation) keeps a worker in the waiting area: not dispatched while it lasts. */
  excludeProbation: boolean;
  /** Fairness lottery weights: `baseWeight + round(rotationWeight × rotation)` (integers, so draws are exact). */
  lottery: { baseWeight: number; rotationWeight: number };
}

/**
 * Qinshui's defaults. Skill fit and satisfaction weigh most (R6 names them); rotation gets a fifth so
 * that the same few workers do not take all the work. Adjacency is empty until the market enters its
 * township map (e.g. `{ "龙港镇": ["郑村镇", ...] }`); until then a neighbour counts as elsewhere.
 *
 * Protected attributes (gender, age, ethnicity, household registration 户籍, place of origin) are
 * deliberately absent: no weight can make them count. Age matters only as the legal minimum of 16
 * (劳动法 第十五条), which is checked at registration, not here.
 */
export const DEFAULT_MATCHING_POLICY: MatchingPolicy = {
  version: "qinshui-matching-2024.1",
  weights: { skillFit: 25, stars: 20, satisfaction: 25, proximity: 10, rotation: 20 },
  skillFit: { meetsMinimum: 0.7, perLevelAbove: 0.1, noMinimumBase: 0.5 },
  satisfaction: { priorMean: 0.8, priorWeight: 5 },
  proximity: { sameTownship: 1, neighbouring: 0.5, elsewhere: 0, unknown: 0.3, adjacency: {} },
  rotation: { idleDaysCap: 30, idleShare: 0.6, earningsCapFen: 600_000 },
  excludeProbation: true,
  lottery: { baseWeight: 10, rotationWeight: 20 },
};
