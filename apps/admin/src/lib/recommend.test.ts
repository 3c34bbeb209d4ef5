import { describe, expect, it } from "vitest";
import { toRecommendation } from "./recommend.ts";

describe("toRecommendation", () => {
  it("keeps the rank order, score breakdown and worker fields nested or flat", () => {
    const r = toRecommendation({
      ranked: [
        { id: "w2", score: 81.5, breakdown: { skillFit: 30, stars: 20, satisfaction: 15, proximity: 10, rotation: 6.5 }, reasons: [{ code: "a", zh: "技能匹配", en: "fit" }], worker: { name: "李四", workerNo: "LG000002", stars: 3 } },
        { workerId: "w1", score: 70, name: "张三", workerNo: "LG000001", stars: 2 },
      ],
      excludedByReason: { expelled: 0, on_probation: 1, wrong_trade: 3, grade_too_low: 0, missing_certificate: 0, busy_overlap: 2 },
      shortfall: 1,
      policyVersion: "qinshui-2024",
    });
    expect(r.candidates.map((c) => [c.rank, c.workerId, c.name, c.workerNo, c.stars, c.score])).toEqual([
      [1, "w2", "李四", "LG000002", 3, 81.5],
      [2, "w1", "张三", "LG000001", 2, 70],
    ]);
    expect(r.candidates[0]?.breakdown?.rotation).toBe(6.5);
    expect(r.excludedByReason).toEqual([
      { code: "on_probation", label: { zh: "候场查看中", en: "On probation" }, count: 1 },
      { code: "wrong_trade", label: { zh: "工种不符", en: "Other trade" }, count: 3 },
      { code: "busy_overlap", label: { zh: "该时段已有派工", en: "Already dispatched then" }, count: 2 },
    ]);
    expect(r.shortfall).toBe(1);
  });

  it("reads a lottery answer with its seed and drawn order", () => {
    const r = toRecommendation({ drawn: ["w3", "w1"], seed: "2024-05-01-QS0001", checksum: "ab12" });
    expect(r.candidates.map((c) => c.workerId)).toEqual(["w3", "w1"]);
    expect(r.seed).toBe("2024-05-01-QS0001");
    expect(r.checksum).toBe("ab12");
  });

  it("gives an empty recommendation for nothing", () => {
    expect(toRecommendation(undefined)).toEqual({ candidates: [], excludedByReason: [], excluded: [], shortfall: 0, seed: null, policyVersion: null, checksum: null });
  });
});
