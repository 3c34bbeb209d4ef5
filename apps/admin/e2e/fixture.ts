import { addDays, residentIdCheckCharacter, shanghaiDate } from "@lingong/core";
import type { TestEnv } from "../../../packages/api/src/test/harness.ts";
import { appRouter } from "../../../packages/api/src/router.ts";
import { makeEmployer, makeWorker, rng } from "../../../packages/api/src/seed/factories.ts";

/** The name that must render as text everywhere (checklist C22). */
export const XSS_NAME = "<img src=x onerror=alert(1)>";

/**
 * A small deterministic market: a few registered workers (one named like an HTML tag), one
 * verified employer. Created through the same procedures the app calls, as the business role.
 */
export async function seedFixture(env: TestEnv) {
  const r = rng("admin-e2e");
  const business = env.caller("business");
  const town = env.townships[0]?.id;
  const workers: { id: string; workerNo: string; name: string }[] = [];
  for (let i = 0; i < 4; i++) {
    const input = makeWorker(r, { townshipId: town });
    // Everyone can lay bricks, so a bricklayer order has candidates to rank.
    input.trades = [{ code: "bricklayer", skillGrade: "L4", certificates: [] }];
    input.workYears = 6 + i;
    if (i === 0) input.name = XSS_NAME;
    const res = await business.workers.register(input);
    workers.push({ id: res.worker.id, workerNo: res.worker.workerNo, name: res.worker.name });
  }
  const input = makeEmployer(r, { townshipId: town, industry: "construction" });
  const created = await business.employers.create({ ...input, name: "沁水县鑫源建筑工程有限公司" });
  await business.employers.verify({ employerId: created.id });
  const employer = { id: created.id, name: created.name };
  // A published order for today whose place is the HTML-like text, and the same worker on the
  // honour roll: both reach the public screens (checklist C22).
  const today = shanghaiDate(new Date());
  const order = await business.orders.create({
    employerId: employer.id,
    tradeCode: "general_labourer",
    skillGrade: "none",
    minStars: 0,
    headcount: 3,
    startDate: today,
    endDate: today,
    place: XSS_NAME,
    wageFen: 20000,
    wageUnit: "day",
    requirements: "",
    certificates: [],
    publish: true,
  });
  const xssWorker = workers[0];
  if (xssWorker) {
    await env.caller("head").publicity.honourAdd({ workerId: xssWorker.id, title: "本月优秀零工", periodStart: today, periodEnd: addDays(today, 30), workerConsent: true });
  }
  return { workers, employer, order: { id: order.order.id, orderNo: order.order.orderNo }, townships: env.townships.map((t) => ({ id: t.id, name: t.name })) };
}

/** A valid resident ID number for a new worker in the browser flows. */
export function freshResidentId(birth: string, seq: string): string {
  const first17 = `140521${birth.replace(/-/g, "")}${seq}`;
  return first17 + residentIdCheckCharacter(first17);
}

export function hasProcedure(path: string): boolean {
  return path in (appRouter._def.procedures as Record<string, unknown>);
}
