import { createCipheriv, hkdfSync, randomBytes } from "node:crypto";
import { CURRENT_CONSENT_VERSION } from "@lingong/core";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { blindIndex, cipherTextKeyId, cipherTextPrefix, decryptField, encryptField, keyring, setKeyring, setMasterKey } from "../crypto/index.ts";
import { searchEmployers } from "../queries/employers.ts";
import { preRegister } from "../queries/workers-register.ts";
import { auditLog } from "../schema/core.ts";
import { employers } from "../schema/employers.ts";
import { preRegistrations, workerDocuments, workers } from "../schema/workers.ts";
import { makeEmployer, makeWorker, rng } from "../seed/factories.ts";
import { describeOnBothDatabases, type TestEnv } from "../test/harness.ts";
import { keyUsage, remainingOf, rotateDataKeys } from "./key-rotation.ts";

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex").toString("base64");

/** A value in the layout written before key ids existed: [0x01][IV][body][tag], under `master`. */
function sealV1(master: Buffer, plain: string): string {
  const enc = Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), "lingong/field-encryption/v1", 32));
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", enc, iv);
  const body = Buffer.concat([c.update(Buffer.from(plain, "utf8")), c.final()]);
  return Buffer.concat([Buffer.from([1]), iv, body, c.getAuthTag()]).toString("base64url");
}

afterAll(() => setMasterKey(null));

describe("keyring", () => {
  it("writes the key id into each ciphertext and opens values under any key of the ring", () => {
    const a = randomBytes(32);
    const b = randomBytes(32);
    setKeyring(a);
    const idA = keyring().current.idHex;
    const underA = encryptField("140521199001011234");
    expect(cipherTextKeyId(underA)).toBe(idA);
    expect(underA.startsWith(cipherTextPrefix())).toBe(true);
    const indexA = blindIndex("140521199001011234", "resident-id");

    setKeyring(b, [a]);
    expect(keyring().current.idHex).not.toBe(idA);
    expect(decryptField(underA)).toBe("140521199001011234");
    expect(cipherTextKeyId(encryptField("x"))).toBe(keyring().current.idHex);
    expect(blindIndex("140521199001011234", "resident-id")).not.toBe(indexA);

    setKeyring(b);
    expect(() => decryptField(underA)).toThrow(expect.objectContaining({ code: "PRECONDITION_FAILED", message: expect.stringContaining(idA) }));
  });

  it("still opens values written in the old layout (no key id), with whichever key of the ring sealed them", () => {
    const a = randomBytes(32);
    const b = randomBytes(32);
    const legacy = sealV1(a, "13912345678");
    expect(cipherTextKeyId(legacy)).toBe("v1");
    setKeyring(a);
    expect(decryptField(legacy)).toBe("13912345678");
    setKeyring(b, [a]);
    expect(decryptField(legacy)).toBe("13912345678");
    setKeyring(b);
    expect(() => decryptField(legacy)).toThrow(expect.objectContaining({ code: "PRECONDITION_FAILED" }));
  });
});

interface Seeded {
  workers: { id: string; idNumber: string; phone: string }[];
  employerPhone: string;
  prePhone: string;
  documentId: string;
}

async function seedMarket(e: TestEnv, count: number): Promise<Seeded> {
  const r = rng(`key-rotation-${e.kind}`);
  const c = e.caller("business");
  const out: Seeded["workers"] = [];
  for (let i = 0; i < count; i++) {
    const input = makeWorker(r, { townshipId: e.townships[i % e.townships.length]!.id });
    const res = await c.workers.register({ ...input, homeAddress: `沁水县龙港镇${i}号` });
    out.push({ id: res.worker.id, idNumber: input.idNumber, phone: input.phone });
  }
  const emp = makeEmployer(r);
  await c.employers.create(emp);
  const prePhone = "13700001111";
  await e.anonymous().workers.preRegister({ marketCode: "140521", name: "预登记", phone: prePhone, trades: [], consentVersion: CURRENT_CONSENT_VERSION, consentGiven: true });
  const doc = await c.workers.uploadDocument({ workerId: out[0]!.id, kind: "photo", mime: "image/png", dataBase64: PNG });
  return { workers: out, employerPhone: emp.contactPhone, prePhone, documentId: doc.id };
}

async function revealAll(e: TestEnv, s: Seeded): Promise<string[]> {
  const c = e.caller("head");
  const out: string[] = [];
  for (const w of s.workers) out.push((await c.workers.revealIdNumber({ workerId: w.id, reason: "核对身份" })).idNumber);
  return out;
}

/** Lookups by ID number and phone, a duplicate registration refused, the photo still opens. */
async function expectEverythingWorks(e: TestEnv, s: Seeded) {
  const c = e.caller("business");
  expect(await revealAll(e, s)).toEqual(s.workers.map((w) => w.idNumber));
  for (const w of s.workers) {
    const byId = await c.workers.search({ q: w.idNumber });
    expect(byId.map((x: { id: string }) => x.id)).toEqual([w.id]);
    const byPhone = await c.workers.search({ q: w.phone });
    expect(byPhone.map((x: { id: string }) => x.id)).toContain(w.id);
  }
  const r = rng(`dup-${Math.random()}`);
  for (const w of s.workers) {
    await expect(c.workers.register({ ...makeWorker(r), idNumber: w.idNumber })).rejects.toMatchObject({ code: "CONFLICT", cause: { field: "idNumber" } });
  }
  expect(await searchEmployers(e.db, e.market.id, s.employerPhone)).toHaveLength(1);
  const again = await preRegister(e.db, e.market.id, { name: "预登记", phone: s.prePhone, trades: [], consentVersion: CURRENT_CONSENT_VERSION, consentGiven: true });
  expect(again.duplicate).toBe(true);
  const doc = await e.caller("head").workers.getDocument({ documentId: s.documentId, reason: "核对照片" });
  expect(doc.dataBase64).toBe(PNG);
}

async function ciphertextsAll(e: TestEnv): Promise<string[]> {
  const w = await e.db.select({ a: workers.idNumberEnc, b: workers.phoneEnc, c: workers.homeAddressEnc }).from(workers);
  const d = await e.db.select({ a: workerDocuments.contentEnc }).from(workerDocuments);
  const m = await e.db.select({ a: employers.contactPhoneEnc }).from(employers);
  const p = await e.db.select({ a: preRegistrations.phoneEnc }).from(preRegistrations);
  return [...w.flatMap((x) => [x.a, x.b, x.c]), ...d.map((x) => x.a), ...m.map((x) => x.a), ...p.map((x) => x.a)].filter((x): x is string => x !== null);
}

describeOnBothDatabases("data-key rotation", ({ env }) => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  let seeded: Seeded;

  it("seeds a market under the old key, one ID number in the pre-rotation layout", async () => {
    const e = env();
    setKeyring(oldKey);
    seeded = await seedMarket(e, 7);
    const legacy = seeded.workers[2]!;
    await e.db.update(workers).set({ idNumberEnc: sealV1(oldKey, legacy.idNumber) }).where(eq(workers.id, legacy.id));
    await expectEverythingWorks(e, seeded);
  });

  it("refuses to run when a key the data needs is not configured, and changes nothing", async () => {
    const e = env();
    setKeyring(newKey);
    const before = await ciphertextsAll(e);
    await expect(rotateDataKeys(e.db)).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await ciphertextsAll(e)).toEqual(before);
  });

  it("an interrupted run keeps what it committed, and lookups and the duplicate check work mid-way", async () => {
    const e = env();
    setKeyring(newKey, [oldKey]);
    const total = remainingOf(await keyUsage(e.db));
    // 7 workers x 3 values + photo + employer phone + pre-registration phone.
    expect(total).toBe(24);
    await expect(
      rotateDataKeys(e.db, {
        batchSize: 3,
        onBatch: ({ batch }) => {
          if (batch === 2) throw new Error("power cut");
        },
      }),
    ).rejects.toThrow("power cut");
    const mid = remainingOf(await keyUsage(e.db));
    // The first batch (3 workers, 9 values) committed; the second rolled back whole.
    expect(mid).toBe(total - 9);
    const rows = await e.db.select({ id: workers.id, enc: workers.idNumberEnc, phone: workers.phoneEnc, bidx: workers.idNumberBidx }).from(workers);
    const prefix = cipherTextPrefix();
    // A mixed state: some workers under the new key, the rest still under the old one.
    expect(rows.filter((w) => w.enc!.startsWith(prefix))).toHaveLength(3);
    for (const w of rows) {
      // A value and its index move together: never a new ciphertext beside an old index.
      const seededWorker = seeded.workers.find((x) => x.id === w.id)!;
      const newIndex = blindIndex(seededWorker.idNumber.toUpperCase(), "resident-id");
      expect(w.enc!.startsWith(prefix)).toBe(w.bidx === newIndex);
      expect(w.phone!.startsWith(prefix)).toBe(w.enc!.startsWith(prefix));
    }
    await expectEverythingWorks(e, seeded);
    const [failed] = await e.db.select().from(auditLog).where(and(eq(auditLog.action, "crypto.rotate_keys"), eq(auditLog.success, false)));
    expect(failed?.detail).toMatchObject({ complete: false, remaining: mid, valuesResealed: 9 });
  });

  it("a second run finishes; every value is under the new key with a new index; one audit row per run", async () => {
    const e = env();
    const report = await rotateDataKeys(e.db, { batchSize: 3 });
    expect(report).toMatchObject({ complete: true, remaining: 0, valuesResealed: 15, toKeyId: keyring().current.idHex });
    expect(report.indexesRecomputed).toBe(4 * 2 + 2);
    const prefix = cipherTextPrefix();
    for (const c of await ciphertextsAll(e)) expect(c.startsWith(prefix)).toBe(true);
    const again = await rotateDataKeys(e.db);
    expect(again).toMatchObject({ complete: true, valuesResealed: 0, batches: 0 });

    const audits = await e.db.select().from(auditLog).where(eq(auditLog.action, "crypto.rotate_keys"));
    expect(audits).toHaveLength(3);
    const text = JSON.stringify(audits);
    for (const w of seeded.workers) {
      expect(text).not.toContain(w.idNumber);
      expect(text).not.toContain(w.phone);
    }
    expect(text).not.toContain(oldKey.toString("base64"));
    expect(text).not.toContain(newKey.toString("base64"));
  });

  it("after the old key is dropped, IDs reveal to the same values, lookups find them, duplicates are refused", async () => {
    const e = env();
    setKeyring(newKey);
    await expectEverythingWorks(e, seeded);
    const [w] = await e.db.select({ bidx: workers.idNumberBidx }).from(workers).where(eq(workers.id, seeded.workers[2]!.id));
    expect(w?.bidx).toBe(blindIndex(seeded.workers[2]!.idNumber, "resident-id"));
    const dump = await e.db.execute(sql`select string_agg(w::text, '|') as t from workers w`);
    const text = JSON.stringify(dump);
    for (const s of seeded.workers) expect(text).not.toContain(s.idNumber);
    const r = rng("after-rotation");
    const fresh = await e.caller("business").workers.register(makeWorker(r));
    expect(fresh.worker.id).toBeTruthy();
  });
});
