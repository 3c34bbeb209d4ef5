import { DEFAULT_EMPLOYER_POLICY, type EmployerPolicy } from "./employer-record.ts";
import { DEFAULT_GRADING_POLICY, type GradingPolicy } from "./grading-policy.ts";
import { DEFAULT_GUIDANCE_WAGE_POLICY, type GuidanceWagePolicy } from "./guidance-wage.ts";
import { DEFAULT_MATCHING_POLICY, type MatchingPolicy } from "./matching-policy.ts";
import { DEFAULT_REWARD_POLICY, type RewardPolicy } from "./rewards.ts";
import { DEFAULT_SANCTION_POLICY, type SanctionPolicy } from "./sanction-policy.ts";

/**
 * Every rule's numbers in one object, so a market stores one versioned bundle and passes each part
 * to its rule. Another county starts from `QINSHUI_POLICY`, replaces the parts it needs, and gives
 * its bundle a new `version`; the rules' code does not change.
 */
export interface PolicyBundle {
  /** The bundle's own version, stored with decisions alongside each part's `version`. */
  version: string;
  grading: GradingPolicy;
  sanctions: SanctionPolicy;
  rewards: RewardPolicy;
  employer: EmployerPolicy;
  matching: MatchingPolicy;
  wages: GuidanceWagePolicy;
}

/** Qinshui County's defaults, after the market's operating plan of July 2023. */
export const QINSHUI_POLICY: PolicyBundle = {
  version: "qinshui-2023-07",
  grading: DEFAULT_GRADING_POLICY,
  sanctions: DEFAULT_SANCTION_POLICY,
  rewards: DEFAULT_REWARD_POLICY,
  employer: DEFAULT_EMPLOYER_POLICY,
  matching: DEFAULT_MATCHING_POLICY,
  wages: DEFAULT_GUIDANCE_WAGE_POLICY,
};
