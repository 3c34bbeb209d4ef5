import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { describeOnBothDatabases } from "../test/harness.ts";
import { blindIndex, blindIndexBytes, decryptBytes, decryptField, encryptBytes, encryptField } from "./fields.ts";
import { setMasterKey } from "./keys.ts";

const ID = "14052119900101123X";

describe("field encryption (AES-256-GCM) and blind index", () => {
  it("round-trips text and uses a fresh IV every time", () => {
    const a = encryptField(ID);
    const b = encryptField(ID);
    expect(a).not.toBe(b);
    expect(a).not.toContain("140521");
    expect(decryptField(a)).toBe(ID);
    expect(decryptField(encryptField("张三 山西省沁水县龙港镇"))).toBe("张三 山西省沁水县龙港镇");
  });

  it("binds ciphertext to its associated data and detects tampering", () => {
    const c = encryptField(ID, "workers.id_number:w1");
    expect(decryptField(c, "workers.id_number:w1")).toBe(ID);
    expect(() => decryptField(c, "workers.id_number:w2")).toThrow(expect.objectContaining({ code: "PRECONDITION_FAILED" }));
    const raw = Buffer.from(c, "base64url");
    raw[20] = (raw[20] ?? 0) ^ 1;
    expect(() => decryptField(raw.toString("base64url"), "workers.id_number:w1")).toThrow();
  });

  it("round-trips binary data (photos)", () => {
    const photo = randomBytes(50_000);
    const sealed = encryptBytes(photo, "photo");
    expect(sealed.includes(photo.subarray(0, 64))).toBe(false);
    expect(decryptBytes(sealed, "photo").equals(photo)).toBe(true);
    expect(blindIndexBytes(photo)).toBe(blindIndexBytes(Buffer.from(photo)));
  });

  it("blind index: deterministic, normalised, separated by purpose, keyed", () => {
    expect(blindIndex(ID, "id")).toBe(blindIndex(" 14052119900101123x ", "id"));
    expect(blindIndex(ID, "id")).not.toBe(blindIndex(ID, "phone"));
    expect(blindIndex(ID, "id")).not.toContain("140521");
    const before = blindIndex(ID, "id");
    setMasterKey(randomBytes(32));
    expect(blindIndex(ID, "id")).not.toBe(before);
    setMasterKey(null);
  });

  it("a different key cannot decrypt", () => {
    const c = encryptField(ID);
    setMasterKey(randomBytes(32));
    expect(() => decryptField(c)).toThrow();
    setMasterKey(null);
  });
});

describeOnBothDatabases("encrypted values at rest", ({ env }) => {
  it("stores no plaintext ID number in the table, and finds the row by blind index", async () => {
    const e = env();
    await e.db.execute(sql`create table pii_probe (id serial primary key, id_number_enc text not null, id_number_bidx text not null unique)`);
    const ids = [ID, "140521198512304567", "140521200002291238"];
    for (const v of ids) {
      await e.db.execute(sql`insert into pii_probe (id_number_enc, id_number_bidx) values (${encryptField(v)}, ${blindIndex(v, "id")})`);
    }
    const dump = await e.db.execute(sql`select string_agg(p::text, '|') as t from pii_probe p`);
    const text = JSON.stringify(dump);
    for (const v of ids) {
      expect(text).not.toContain(v);
      expect(text).not.toContain(v.slice(6, 14));
    }
    const found = await e.db.execute(
      sql`select id_number_enc from pii_probe where id_number_bidx = ${blindIndex("14052119900101123x", "id")}`,
    );
    const rows = (Array.isArray(found) ? found : (found as { rows: unknown[] }).rows) as { id_number_enc: string }[];
    expect(rows).toHaveLength(1);
    expect(decryptField(rows[0]?.id_number_enc ?? "")).toBe(ID);
    await expect(
      e.db.execute(sql`insert into pii_probe (id_number_enc, id_number_bidx) values (${encryptField(ID)}, ${blindIndex(ID, "id")})`),
    ).rejects.toThrow();
  });
});
