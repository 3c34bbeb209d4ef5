import type { GradingPolicy } from "./grading-policy.ts";
import { SKILL_GRADE_LABELS, reason, skillGradeRank, toStarGrade } from "./types.ts";
import type { Reason, SkillGrade, StarGrade } from "./types.ts";

export interface InitialGradeInput {
  /** Years of declared work history in the worker's trade(s); 0 when none. */
  workYears: number;
  skillGrade: SkillGrade;
  /** Staff checked the declared history with past employers. */
  hasVerifiedReferences?: boolean;
}

export interface InitialGradeResult {
  grade: StarGrade;
  reasons: Reason[];
}

/**
 * M3: the first star grade of a newly registered worker, from declared work history and skill
 * grade, capped at `policy.initial.maxGrade` so the top grades are earned in the market.
 * @throws RangeError when `workYears` is negative or not a finite number.
 */
export function initialGrade(policy: GradingPolicy, input: InitialGradeInput): InitialGradeResult {
  const p = policy.initial;
  const { workYears, skillGrade } = input;
  if (!Number.isFinite(workYears) || workYears < 0) {
    throw new RangeError(`workYears must be a non-negative number, got ${workYears}`);
  }
  const reasons: Reason[] = [];

  let band = { minYears: 0, stars: 0 };
  for (const b of p.yearsBands) if (workYears >= b.minYears && b.minYears >= band.minYears) band = b;
  reasons.push(
    reason(
      "initial.work_history",
      `申报工作经历 ${workYears} 年，起评 ${band.stars} 星`,
      `Declared work history of ${workYears} years gives ${band.stars} star(s)`,
      { workYears, bandMinYears: band.minYears, stars: band.stars },
    ),
  );
  let total = band.stars;

  const rank = skillGradeRank(skillGrade);
  for (const bonus of p.skillBonuses) {
    if (rank >= skillGradeRank(bonus.minSkill) && bonus.stars > 0) {
      total += bonus.stars;
      const label = SKILL_GRADE_LABELS[bonus.minSkill];
      reasons.push(
        reason(
          "initial.skill_bonus",
          `技术等级${SKILL_GRADE_LABELS[skillGrade].zh}（达到${label.zh}及以上），加 ${bonus.stars} 星`,
          `Skill grade ${SKILL_GRADE_LABELS[skillGrade].en} (at least ${label.en}) adds ${bonus.stars} star(s)`,
          { skillGrade, minSkill: bonus.minSkill, stars: bonus.stars },
        ),
      );
    }
  }

  if (input.hasVerifiedReferences === true && p.verifiedReferencesBonus > 0) {
    total += p.verifiedReferencesBonus;
    reasons.push(
      reason("initial.verified_references", `工作经历经核实，加 ${p.verifiedReferencesBonus} 星`, `Verified work history adds ${p.verifiedReferencesBonus} star(s)`, {
        stars: p.verifiedReferencesBonus,
      }),
    );
  }

  if (total > p.maxGrade) {
    reasons.push(
      reason(
        "initial.capped",
        `首次评定最高 ${p.maxGrade} 星，更高星级须在市场服务中逐级晋升`,
        `The first grade is at most ${p.maxGrade} stars; higher grades are earned one level at a time`,
        { computed: total, maxGrade: p.maxGrade },
      ),
    );
    total = p.maxGrade;
  }
  const grade = toStarGrade(total);
  reasons.push(reason("initial.result", `首次评定为 ${grade} 星`, `Initial grade: ${grade} star(s)`, { grade, policyVersion: policy.version }));
  return { grade, reasons };
}
