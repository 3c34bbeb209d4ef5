// Shared by the ranking tests (rank-candidates, candidate-pool); not exported from the package.
import type { MatchCandidate, MatchOrder } from "./rank-candidates.ts";

export const TODAY = "2024-06-15";
export const ORDER: MatchOrder = { trade: "6-29-01-01", minSkillGrade: "L5", headcount: 2, startDate: "2024-06-17", endDate: "2024-06-19", township: "龙港镇" };

/** An eligible bricklayer for `ORDER`, with `over` applied. */
export function worker(id: string, over: Partial<MatchCandidate> = {}): MatchCandidate {
  return {
    id,
    trades: [{ code: "6-29-01-01", skillGrade: "L4" }],
    stars: 3,
    ratedJobs: 10,
    satisfiedJobs: 9,
    township: "龙港镇",
    busy: [],
    status: "active",
    certificates: [],
    lastJobDate: "2024-06-01",
    earnings30dFen: 200_000,
    ...over,
  };
}
