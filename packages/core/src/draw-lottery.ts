import { dayNumber } from "./dates.ts";
import type { MatchingPolicy } from "./matching-policy.ts";
import { rotationShare } from "./rank-candidates.ts";
import type { ScoreBreakdown } from "./rank-candidates.ts";
import { createRandom, cyrb128Hex } from "./seeded-random.ts";
import type { IsoDate } from "./types.ts";

/**
 * The fairness lottery (摇号派工) as worker centres run it daily: when more eligible workers want a
 * job than it needs, draw them by lot, weighted so that workers who have waited longer get a better
 * chance, and publish the seed so anyone can re-run the draw.
 *
 * Algorithm (re-implementable from this comment with `seeded-random.ts`'s documentation):
 * 1. Sort the entries by id (JavaScript string order, i.e. UTF-16 code units). Ids must be unique;
 *    weights are non-negative integers with a total below 2^32. Input order therefore never matters.
 * 2. `rng = createRandom(seed)` (cyrb128 -> sfc32).
 * 3. Repeat `count` times while some remaining entry has weight > 0: `r = rng.int(totalRemainingWeight)`;
 *    walk the remaining entries in id order subtracting weights; the entry where `r` falls below its
 *    weight is drawn and removed.
 * Integer arithmetic only, so every language gets the same draw bit for bit (an exponential-key
 * method such as A-ES needs `log`/`pow`, whose last bit can differ between platforms).
 * 4. `checksum = cyrb128Hex(JSON.stringify({ algorithm, seed, entries, drawn }))`.
 */
export const LOTTERY_ALGORITHM = "sequential integer-weighted sampling without replacement; sfc32 seeded by cyrb128; ids sorted; v1";

export interface LotteryEntry {
  id: string;
  /** Non-negative integer; 0 means "in the list but cannot be drawn". */
  weight: number;
}

export interface LotteryInput {
  seed: string;
  candidates: readonly LotteryEntry[];
  /** How many to draw; fewer are drawn when fewer have a positive weight. */
  count: number;
  /** Recorded in the result so the published draw names the rules it used. */
  policy?: Pick<MatchingPolicy, "version">;
}

export interface LotteryResult {
  seed: string;
  algorithm: string;
  policyVersion: string | null;
  /** Drawn ids in draw order (first drawn first). */
  drawn: string[];
  /** The input, sorted by id: exactly what the draw ran over. */
  entries: LotteryEntry[];
  /** cyrb128 hex of the canonical record; a quick way to compare a published draw with a re-run. Not a signature. */
  checksum: string;
}

const MAX_TOTAL = 4294967296;

/**
 * Draw `count` ids by a seeded, weighted lottery without replacement (see the module comment).
 * Same seed + same entries (in any order) -> same result.
 * @throws RangeError on duplicate ids, a negative or non-integer weight or count, or a total weight of 2^32 or more.
 */
export function drawLottery(input: LotteryInput): LotteryResult {
  const { seed, count } = input;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const entries = input.candidates.map((c) => ({ id: c.id, weight: c.weight })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let total = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (i > 0 && entries[i - 1]!.id === e.id) throw new RangeError(`candidates: duplicate id ${e.id}`);
    if (!Number.isInteger(e.weight) || e.weight < 0) throw new RangeError(`candidates: weight of ${e.id} must be a non-negative integer, got ${e.weight}`);
    total += e.weight;
  }
  if (total >= MAX_TOTAL) throw new RangeError(`candidates: total weight ${total} must be below 2^32`);

  const rng = createRandom(seed);
  const remaining = entries.filter((e) => e.weight > 0);
  const drawn: string[] = [];
  while (drawn.length < count && total > 0) {
    let r = rng.int(total);
    let k = 0;
    for (; k < remaining.length; k++) {
      const w = remaining[k]!.weight;
      if (r < w) break;
      r -= w;
    }
    const [hit] = remaining.splice(k, 1);
    drawn.push(hit!.id);
    total -= hit!.weight;
  }
  const algorithm = LOTTERY_ALGORITHM;
  return {
    seed,
    algorithm,
    policyVersion: input.policy?.version ?? null,
    drawn,
    entries,
    checksum: cyrb128Hex(JSON.stringify({ algorithm, seed, entries, drawn })),
  };
}

/** A worker as the lottery weighs it: either a matching candidate or a ranked result. */
export type LotteryWeightInput = { id: string; lastJobDate?: IsoDate; earnings30dFen: number } | { id: string; breakdown: Pick<ScoreBreakdown, "rotation"> };

/**
 * Lottery weights from fair rotation: `baseWeight + round(rotationWeight × rotation)`, where rotation
 * is the same 0..1 share the ranking uses (longer idle and lower 30-day earnings -> higher). With
 * Qinshui's numbers a worker idle for 30 days with no earnings weighs 30, one who worked yesterday
 * and earned the cap weighs 10: every eligible worker keeps a chance, the idle get three times more.
 * Ranked results carry rotation as points; they are converted back with the policy's rotation weight.
 * @throws RangeError when a candidate needs `today` and none is given.
 */
export function lotteryWeights(policy: MatchingPolicy, items: readonly LotteryWeightInput[], options: { today?: IsoDate } = {}): LotteryEntry[] {
  const todayDay = options.today === undefined ? undefined : dayNumber(options.today);
  const { baseWeight, rotationWeight } = policy.lottery;
  return items.map((item) => {
    let share: number;
    if ("breakdown" in item) {
      share = policy.weights.rotation > 0 ? item.breakdown.rotation / policy.weights.rotation : 0;
    } else {
      if (todayDay === undefined) throw new RangeError("lotteryWeights: options.today is required to weigh candidates");
      share = rotationShare(policy, todayDay, item.lastJobDate, item.earnings30dFen);
    }
    share = Math.min(1, Math.max(0, share));
    return { id: item.id, weight: baseWeight + Math.round(rotationWeight * share) };
  });
}
