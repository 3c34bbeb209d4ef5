import { DEFAULT_GRADING_POLICY, DEFAULT_MATCHING_POLICY, DEFAULT_SANCTION_POLICY } from "@lingong/core";
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { today } from "../queries/hall-common.ts";
import { policyVersions } from "../schema/orders.ts";
import { describeOnBothDatabases, type TestEnv } from "../test/harness.ts";

// Grading, sanctions and matching bodies are checked by core before they are stored, as rewards and
// the employer record are: a bad one would break every later review, sanction or recommendation.

const stored = (e: TestEnv, kind: "grading" | "sanctions" | "matching") =>
  e.db.select({ version: policyVersions.version, body: policyVersions.body }).from(policyVersions).where(and(eq(policyVersions.marketId, e.market.id), eq(policyVersions.kind, kind)));

async function refusal(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => null,
    (err: unknown) => err,
  );
}

describeOnBothDatabases("policies.publish checks grading, sanction and matching bodies", ({ env }) => {
  it("matching: a negative weight and a text weight are refused in Chinese naming the fields, English beside it; nothing stored", async () => {
    const e = env();
    const body = { ...DEFAULT_MATCHING_POLICY, weights: { ...DEFAULT_MATCHING_POLICY.weights, stars: -5, rotation: "20" } };
    expect(await refusal(e.caller("head").policies.publish({ kind: "matching", body, effectiveFrom: today() }))).toMatchObject({
      code: "BAD_REQUEST",
      message: "匹配规则有误，未发布。各项分值·星级（weights.stars）：须为 0 至 100 之间的数；各项分值·公平轮换（weights.rotation）：须为 0 至 100 之间的数",
      cause: {
        field: "body",
        messageEn: "Matching policy not published. Score weights › Stars (weights.stars): must be a number from 0 to 100; Score weights › Fair rotation (weights.rotation): must be a number from 0 to 100",
      },
    });
    expect(await stored(e, "matching")).toEqual([]);
    expect((await e.caller("office").policies.get({ kind: "matching" })).version).toBe(0);
  });

  it("grading: a missing window and a keep threshold above promotion are refused, at most three problems told; nothing stored", async () => {
    const e = env();
    const { windowDays: _w, ...review } = DEFAULT_GRADING_POLICY.review;
    const noWindow = { ...DEFAULT_GRADING_POLICY, review };
    await expect(e.caller("head").policies.publish({ kind: "grading", body: noWindow, effectiveFrom: today() })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "星级评定规则有误，未发布。定期评定·统计天数（review.windowDays）：须为 1 至 3650 之间的整数",
    });
    const keepAbove = structuredClone(DEFAULT_GRADING_POLICY);
    keepAbove.review.keep[3].minQuality = 4.2;
    await expect(e.caller("head").policies.publish({ kind: "grading", body: keepAbove as unknown as Record<string, unknown>, effectiveFrom: today() })).rejects.toMatchObject({
      message: expect.stringContaining("（review.keep.3.minQuality）：不能大于定期评定·晋升条件·三星·工作质量平均分下限（review.promotion.3.minQuality）"),
    });
    const many = { ...noWindow, version: "", initial: null, extra: 1, review: { ...review, z: 0, priorWeight: 0 } };
    const err = (await refusal(e.caller("head").policies.publish({ kind: "grading", body: many, effectiveFrom: today() }))) as Error;
    expect(err.message.split("；")).toHaveLength(3);
    expect(err.message).toBe("星级评定规则有误，未发布。版本标识（version）：须为不超过 50 个字的非空文字；首次评定（initial）：缺少这一项；定期评定·统计天数（review.windowDays）：须为 1 至 3650 之间的整数");
    expect(await stored(e, "grading")).toEqual([]);
  });

  it("sanctions: a ladder without expulsion on top and an unknown first step are refused; nothing stored; the office may not publish", async () => {
    const e = env();
    const bad = {
      ...DEFAULT_SANCTION_POLICY,
      ladder: ["criticism", "yellow_card", "star_demotion", "expulsion", "probation"],
      events: { ...DEFAULT_SANCTION_POLICY.events, no_show: { ...DEFAULT_SANCTION_POLICY.events.no_show, startStep: "warning" } },
    };
    const err = await refusal(e.caller("head").policies.publish({ kind: "sanctions", body: bad, effectiveFrom: today() }));
    expect(err).toMatchObject({ code: "BAD_REQUEST", cause: { field: "body" } });
    expect((err as Error).message).toMatch(/^处分规则有误，未发布。处分阶梯（ladder）：.*；无故爽约·首次处分（events\.no_show\.startStep）：须为以下之一/);
    await expect(e.caller("office").policies.publish({ kind: "sanctions", body: { ...DEFAULT_SANCTION_POLICY }, effectiveFrom: today() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await stored(e, "sanctions")).toEqual([]);
  });

  it("a sound body of each kind is stored as the next version and is in force", async () => {
    const e = env();
    const head = e.caller("head");
    const bodies = {
      grading: { ...DEFAULT_GRADING_POLICY, version: "county-grading-2" },
      sanctions: { ...DEFAULT_SANCTION_POLICY, version: "county-sanctions-2", probationDays: 60 },
      matching: { ...DEFAULT_MATCHING_POLICY, version: "county-matching-2", weights: { ...DEFAULT_MATCHING_POLICY.weights, proximity: 0, rotation: 30 } },
    } as const;
    for (const kind of ["grading", "sanctions", "matching"] as const) {
      const row = await head.policies.publish({ kind, body: bodies[kind], effectiveFrom: today(), note: "县里调整" });
      expect(row).toMatchObject({ kind, version: 1 });
      expect(await stored(e, kind)).toEqual([{ version: 1, body: bodies[kind] }]);
      expect(await e.caller("office").policies.get({ kind })).toMatchObject({ version: 1, body: { version: bodies[kind].version } });
    }
  });
});
