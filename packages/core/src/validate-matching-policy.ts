import { isIntIn, isNumIn, isObject, isShare, isVersion } from "./policy-checks.ts";
import { notAnObject, policyProblemList } from "./policy-problems.ts";
import type { PartNames, PolicyProblem } from "./policy-problems.ts";

const MATCHING_PART_NAMES: PartNames = {
  weights: { zh: "各项分值", en: "Score weights" },
  skillFit: { zh: "技能匹配", en: "Skill fit" },
  stars: { zh: "星级", en: "Stars" },
  satisfaction: { zh: "满意度", en: "Satisfaction" },
  proximity: { zh: "距离远近", en: "Proximity" },
  rotation: { zh: "公平轮换", en: "Fair rotation" },
  meetsMinimum: { zh: "达到最低等级得分", en: "Share for meeting the minimum grade" },
  perLevelAbove: { zh: "每高一级加分", en: "Share per level above" },
  noMinimumBase: { zh: "无等级要求基础分", en: "Base share without a minimum grade" },
  priorMean: { zh: "先验满意率", en: "Prior satisfaction" },
  priorWeight: { zh: "先验单数", en: "Prior weight in jobs" },
  sameTownship: { zh: "同一乡镇", en: "Same township" },
  neighbouring: { zh: "邻近乡镇", en: "Neighbouring township" },
  elsewhere: { zh: "其他乡镇", en: "Another township" },
  unknown: { zh: "乡镇未知", en: "Township unknown" },
  adjacency: { zh: "乡镇相邻表", en: "Township adjacency" },
  idleDaysCap: { zh: "空闲天数上限", en: "Idle days cap" },
  idleShare: { zh: "空闲天数占比", en: "Share of idle days" },
  earningsCapFen: { zh: "近30天收入上限·分", en: "30-day earnings cap in fen" },
  excludeProbation: { zh: "候场查看不派工", en: "Probation not dispatched" },
  lottery: { zh: "摇号权重", en: "Lottery weights" },
  baseWeight: { zh: "基础权重", en: "Base weight" },
  rotationWeight: { zh: "轮换权重", en: "Rotation weight" },
};

const WEIGHT_KEYS = ["skillFit", "stars", "satisfaction", "proximity", "rotation"] as const;

/** Lottery weights stay below this so 100,000 entries total under the draw's 2^32 limit. */
const MAX_LOTTERY_WEIGHT = 10_000;

/**
 * Problems with a matching policy a market publishes (empty when it is sound), each with its field's
 * path and Chinese and English text naming it. Checks every field `rankCandidates`, `lotteryWeights`
 * and `drawLottery` read: each weight 0..100 with a total above 0 (a score out of nothing ranks
 * nobody), every share 0..1, the satisfaction prior's weight above 0 (else a worker without ratings
 * scores 0/0), the idle-days and earnings caps at least 1 (they divide), the adjacency a map of
 * township lists, and whole-number lottery weights with a base of at least 1, so every eligible worker
 * keeps a chance and a day's draw stays under its 2^32 total.
 */
export function validateMatchingPolicy(policy: unknown): PolicyProblem[] {
  if (!isObject(policy)) return notAnObject();
  const out = policyProblemList(MATCHING_PART_NAMES);
  if (!isVersion(policy.version)) out.text("version", 50);

  // A group of numbers: each must pass `ok`, or `bad` tells what it must be.
  const group = (name: string, fields: Record<string, { ok: (v: unknown) => boolean; bad: (at: string) => void }>): Record<string, unknown> | undefined => {
    const g = policy[name];
    if (!isObject(g)) {
      out.missing(name);
      return undefined;
    }
    for (const [k, { ok, bad }] of Object.entries(fields)) if (!ok(g[k])) bad(`${name}.${k}`);
    return g;
  };
  const share = { ok: isShare, bad: out.share };
  const weight = { ok: (v: unknown) => isNumIn(v, 0, 100), bad: (at: string) => out.numBetween(at, 0, 100) };

  const weights = group("weights", Object.fromEntries(WEIGHT_KEYS.map((k) => [k, weight])));
  if (weights !== undefined && WEIGHT_KEYS.every((k) => isNumIn(weights[k], 0, 100)) && WEIGHT_KEYS.every((k) => weights[k] === 0)) out.sumZero("weights");
  group("skillFit", { meetsMinimum: share, perLevelAbove: share, noMinimumBase: share });
  group("satisfaction", {
    priorMean: share,
    priorWeight: { ok: (v) => isNumIn(v, 0, 1000) && v > 0, bad: (at) => out.numRange(at, 0, 1000) },
  });
  const proximity = group("proximity", { sameTownship: share, neighbouring: share, elsewhere: share, unknown: share });
  if (proximity !== undefined) {
    const adjacency = proximity.adjacency;
    if (!isObject(adjacency)) out.missing("proximity.adjacency");
    else
      for (const [town, list] of Object.entries(adjacency)) {
        const at = `proximity.adjacency.${town}`;
        if (!Array.isArray(list) || list.length > 100) out.notList(at, 100);
        else Array.from(list).forEach((t: unknown, i) => (typeof t === "string" && t.trim() !== "" && t.length <= 50 ? undefined : out.text(`${at}.${i}`, 50)));
      }
  }
  group("rotation", {
    idleDaysCap: { ok: (v) => isIntIn(v, 1, 3650), bad: (at) => out.intRange(at, 1, 3650) },
    idleShare: share,
    earningsCapFen: { ok: (v) => isIntIn(v, 1, 1_000_000_000), bad: (at) => out.intRange(at, 1, 1_000_000_000) },
  });
  if (typeof policy.excludeProbation !== "boolean") out.boolean("excludeProbation");
  group("lottery", {
    baseWeight: { ok: (v) => isIntIn(v, 1, MAX_LOTTERY_WEIGHT), bad: (at) => out.intRange(at, 1, MAX_LOTTERY_WEIGHT) },
    rotationWeight: { ok: (v) => isIntIn(v, 0, MAX_LOTTERY_WEIGHT), bad: (at) => out.intRange(at, 0, MAX_LOTTERY_WEIGHT) },
  });
  return out.list;
}
