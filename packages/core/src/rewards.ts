import { dayNumber } from "./dates.ts";
import type { WorkerStatus } from "./grading-policy.ts";
import { notAnObject, policyProblemList } from "./policy-problems.ts";
import type { PartNames, PolicyProblem } from "./policy-problems.ts";
import { reason } from "./types.ts";
import type { IsoDate, Reason, StarGrade } from "./types.ts";
import { wilsonLowerBound } from "./wilson-lower-bound.ts";

/** M8 rewards: 内部表扬, 星级晋升推荐, 免费培训, 年度荣誉. */
export type RewardKind = "commendation" | "promotion_recommendation" | "free_training" | "annual_honour";

interface RecordRule {
  /** Completed jobs in the window. */
  minJobs: number;
  /** Wilson lower bound of the satisfied share of rated jobs in the window. */
  minSatisfactionLb: number;
  /** No second proposal of the same kind within this many days of the last one. */
  cooldownDays: number;
}

export interface RewardPolicy {
  version: string;
  /** Window of the sustained record for commendation, promotion recommendation and training. */
  windowDays: number;
  z: number;
  commendation: RecordRule & { maxUpheldComplaints: number };
  /** Ask staff for an early review when the record is well above the next grade's bar. */
  promotionRecommendation: RecordRule & { maxStars: StarGrade };
  /** Free skills training (M6) as a reward for good workers who have not reached the top grades. */
  freeTraining: RecordRule & { maxStars: StarGrade };
  /** 年度荣誉: top stars and a full clean year. */
  annualHonour: RecordRule & { minStars: StarGrade; cleanDays: number };
}

/** Qinshui's defaults; operator's starting values for 运营方案 五.8 奖励. */
export const DEFAULT_REWARD_POLICY: RewardPolicy = {
  version: "qinshui-2023.1",
  windowDays: 180,
  z: 1.96,
  commendation: { minJobs: 20, minSatisfactionLb: 0.9, maxUpheldComplaints: 0, cooldownDays: 180 },
  promotionRecommendation: { minJobs: 30, minSatisfactionLb: 0.9, maxStars: 4, cooldownDays: 90 },
  freeTraining: { minJobs: 10, minSatisfactionLb: 0.75, maxStars: 3, cooldownDays: 365 },
  annualHonour: { minStars: 4, minJobs: 40, minSatisfactionLb: 0.9, cleanDays: 365, cooldownDays: 365 },
};

export interface RewardInput {
  today: IsoDate;
  stars: StarGrade;
  status?: WorkerStatus;
  ratings: readonly { date: IsoDate; satisfied: boolean }[];
  /** Completion dates of the worker's jobs. */
  completedJobs: readonly IsoDate[];
  /** Dates of upheld complaints. */
  upheldComplaints: readonly IsoDate[];
  /** Sanctions on record (reversed ones are ignored). */
  sanctions: readonly { date: IsoDate; reversed?: boolean }[];
  /** Active sanctions today (from `standingOf`); any blocks every reward. */
  activeSanctions: number;
  lastRewards: readonly { kind: RewardKind; date: IsoDate }[];
}

export interface RewardProposal {
  kind: RewardKind;
  reasons: Reason[];
}

export interface RewardDecision {
  proposals: RewardProposal[];
  /** Why nothing (or not more) was proposed. */
  reasons: Reason[];
}

const LABELS: Record<RewardKind, { zh: string; en: string }> = {
  commendation: { zh: "内部表扬", en: "Internal commendation" },
  promotion_recommendation: { zh: "推荐提前评定晋星", en: "Recommendation for an early promotion review" },
  free_training: { zh: "免费技能培训", en: "Free skills training" },
  annual_honour: { zh: "年度荣誉", en: "Annual honour" },
};

/**
 * M8: reward proposals from a sustained good record, for staff to confirm. No reward while any
 * sanction is active or the worker is on probation or expelled.
 */
export function decideRewards(policy: RewardPolicy, input: RewardInput): RewardDecision {
  const t = dayNumber(input.today);
  const within = (date: IsoDate, days: number): boolean => {
    const age = t - dayNumber(date);
    return age >= 0 && age < days;
  };
  const record = (days: number) => {
    const rated = input.ratings.filter((r) => within(r.date, days));
    const satisfied = rated.filter((r) => r.satisfied).length;
    return {
      jobs: input.completedJobs.filter((d) => within(d, days)).length,
      rated: rated.length,
      satisfied,
      satisfactionLb: wilsonLowerBound(satisfied, rated.length, policy.z),
      upheld: input.upheldComplaints.filter((d) => within(d, days)).length,
      sanctions: input.sanctions.filter((s) => s.reversed !== true && within(s.date, days)).length,
    };
  };
  const status = input.status ?? "active";
  if (input.activeSanctions > 0 || status !== "active") {
    return {
      proposals: [],
      reasons: [reason("reward.blocked_by_sanction", "处分有效期内或候场查看、逐出期间不予奖励", "No reward while a sanction is active", { activeSanctions: input.activeSanctions, status })],
    };
  }
  const proposals: RewardProposal[] = [];
  const reasons: Reason[] = [];
  const r = (n: number): number => Math.round(n * 1000) / 1000;
  const consider = (kind: RewardKind, rule: RecordRule, days: number, extra: { ok: boolean; zh: string; en: string }) => {
    const rec = record(days);
    const last = input.lastRewards.filter((x) => x.kind === kind && within(x.date, rule.cooldownDays));
    const data = { jobs: rec.jobs, minJobs: rule.minJobs, satisfactionLb: r(rec.satisfactionLb), minSatisfactionLb: rule.minSatisfactionLb, windowDays: days };
    if (!extra.ok) return;
    if (rec.jobs < rule.minJobs || rec.satisfactionLb < rule.minSatisfactionLb) return;
    if (last.length > 0) {
      reasons.push(reason(`reward.cooldown.${kind}`, `${LABELS[kind].zh}：${rule.cooldownDays} 天内已给予过`, `${LABELS[kind].en} already given within ${rule.cooldownDays} days`, { cooldownDays: rule.cooldownDays }));
      return;
    }
    proposals.push({
      kind,
      reasons: [
        reason(
          `reward.${kind}`,
          `建议${LABELS[kind].zh}：近 ${days} 天完成 ${rec.jobs} 单，满意 ${rec.satisfied}/${rec.rated}${extra.zh}`,
          `Propose ${LABELS[kind].en}: ${rec.jobs} jobs in ${days} days, ${rec.satisfied}/${rec.rated} satisfied${extra.en}`,
          { ...data, policyVersion: policy.version },
        ),
      ],
    });
  };
  const w = record(policy.windowDays);
  const c = policy.commendation;
  consider("commendation", c, policy.windowDays, { ok: w.upheld <= c.maxUpheldComplaints, zh: "，无成立投诉", en: ", no upheld complaints" });
  const pr = policy.promotionRecommendation;
  consider("promotion_recommendation", pr, policy.windowDays, { ok: input.stars <= pr.maxStars && w.upheld === 0 && w.sanctions === 0, zh: `，现为 ${input.stars} 星`, en: `, now ${input.stars} stars` });
  const ft = policy.freeTraining;
  consider("free_training", ft, policy.windowDays, { ok: input.stars <= ft.maxStars && w.upheld === 0, zh: "，可参加免费培训提升技能", en: ", eligible for free training" });
  const ah = policy.annualHonour;
  const year = record(ah.cleanDays);
  consider("annual_honour", ah, ah.cleanDays, {
    ok: input.stars >= ah.minStars && year.upheld === 0 && year.sanctions === 0,
    zh: `，${input.stars} 星且全年无投诉、无处分`,
    en: `, ${input.stars} stars and a clean year`,
  });
  if (proposals.length === 0 && reasons.length === 0) {
    reasons.push(reason("reward.none", "暂未达到奖励条件", "No reward criteria met yet", { jobs: w.jobs, satisfactionLb: r(w.satisfactionLb), upheldComplaints: w.upheld }));
  }
  return { proposals, reasons };
}

const isCount = (n: unknown, max = 100_000): n is number => typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= max;
const isStars = (n: unknown): boolean => isCount(n, 5);
const isShare = (n: unknown): boolean => typeof n === "number" && n >= 0 && n <= 1;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

// The rule groups are named as the rewards they give.
const REWARD_PART_NAMES: PartNames = {
  windowDays: { zh: "统计天数", en: "Days of record counted" },
  commendation: LABELS.commendation,
  promotionRecommendation: LABELS.promotion_recommendation,
  freeTraining: LABELS.free_training,
  annualHonour: LABELS.annual_honour,
};

/**
 * Problems with a reward policy a market publishes (empty when it is sound), each with its field's
 * path and Chinese and English text naming it. The body arrives as JSON, so every field is checked
 * for presence and range, not only trusted to the type.
 */
export function validateRewardPolicy(policy: unknown): PolicyProblem[] {
  if (!isObject(policy)) return notAnObject();
  const p = policy;
  const out = policyProblemList(REWARD_PART_NAMES);
  if (typeof p.version !== "string" || p.version.trim() === "" || p.version.length > 50) out.text("version", 50);
  if (!isCount(p.windowDays, 3650) || p.windowDays === 0) out.intRange("windowDays", 1, 3650);
  if (!(typeof p.z === "number" && p.z > 0 && p.z <= 5)) out.numRange("z", 0, 5);
  // Each extra field: its check and, when it fails, the bounds told to the head.
  const rule = (name: string, extra: Record<string, { ok: (v: unknown) => boolean; min: number; max: number }>) => {
    const o = p[name];
    if (!isObject(o)) {
      out.missing(name);
      return;
    }
    if (!isCount(o.minJobs)) out.intRange(`${name}.minJobs`, 0, 100_000);
    if (!isShare(o.minSatisfactionLb)) out.share(`${name}.minSatisfactionLb`);
    if (!isCount(o.cooldownDays, 3650)) out.intRange(`${name}.cooldownDays`, 0, 3650);
    for (const [k, { ok, min, max }] of Object.entries(extra)) if (!ok(o[k])) out.intRange(`${name}.${k}`, min, max);
  };
  const stars = { ok: isStars, min: 0, max: 5 };
  rule("commendation", { maxUpheldComplaints: { ok: (v) => isCount(v), min: 0, max: 100_000 } });
  rule("promotionRecommendation", { maxStars: stars });
  rule("freeTraining", { maxStars: stars });
  rule("annualHonour", { minStars: stars, cleanDays: { ok: (v) => isCount(v, 3650) && v > 0, min: 1, max: 3650 } });
  return out.list;
}
