import { CURRENT_CONSENT_VERSION } from "@lingong/core";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { makeWorker, rng } from "../seed/factories.ts";
import { workers } from "../schema/workers.ts";
import { describeOnBothDatabases } from "../test/harness.ts";

describeOnBothDatabases("consent version (PIPL 14, 29): only a published notice can be consented to", ({ env }) => {
  const count = async () => {
    const [r] = await env().db.select({ n: sql<number>`count(*)::int` }).from(workers);
    return Number(r?.n ?? 0);
  };

  it("registers with the current version and records it", async () => {
    const e = env();
    const input = { ...makeWorker(rng("consent-current")), consentVersion: CURRENT_CONSENT_VERSION };
    const res = await e.caller("business").workers.register(input);
    const [row] = await e.db.select({ v: workers.consentVersion }).from(workers).where(sql`${workers.id} = ${res.worker.id}`);
    expect(row?.v).toBe(CURRENT_CONSENT_VERSION);
  });

  it("refuses an unknown version (register, pre-registration, sheet import) with BAD_REQUEST naming consentVersion and writes nothing", async () => {
    const e = env();
    const before = await count();
    for (const consentVersion of ["2099-01", "test-1", "2024-1"]) {
      const input = { ...makeWorker(rng(`consent-unknown-${consentVersion}`)), consentVersion };
      await expect(e.caller("business").workers.register(input)).rejects.toMatchObject({
        code: "BAD_REQUEST",
        cause: { issues: [expect.objectContaining({ path: ["consentVersion"] })] },
      });
    }
    await expect(
      e.anonymous().workers.preRegister({ marketCode: "140521", name: "王五", phone: "13912345678", trades: [], consentVersion: "2099-01", consentGiven: true }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { issues: [expect.objectContaining({ path: ["consentVersion"] })] } });
    const w = makeWorker(rng("consent-import"));
    const row = { row: 2, name: w.name, idNumber: w.idNumber, phone: w.phone, trades: w.trades.map((t) => ({ tradeCode: t.code, skillGrade: t.skillGrade })), workYears: w.workYears };
    await expect(e.caller("business").workers.import({ consentVersion: "2099-01", consentGiven: true, rows: [row] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { issues: [expect.objectContaining({ path: ["consentVersion"] })] },
    });
    expect(await count()).toBe(before);
    // The same sheet with the published version goes in: only the version was wrong.
    await expect(e.caller("business").workers.import({ consentVersion: CURRENT_CONSENT_VERSION, consentGiven: true, rows: [row] })).resolves.toMatchObject({ imported: 1 });
    expect(await count()).toBe(before + 1);
  });

  it("accepts the known version on the public pre-registration", async () => {
    const e = env();
    const res = await e.anonymous().workers.preRegister({ marketCode: "140521", name: "赵六", phone: "13912345679", trades: ["porter"], consentVersion: CURRENT_CONSENT_VERSION, consentGiven: true });
    expect(res.ok).toBe(true);
  });
});
