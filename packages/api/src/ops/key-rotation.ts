import { sql } from "drizzle-orm";
import { cipherTextPrefix, decryptField, encryptField, keyring } from "../crypto/index.ts";
import type { Db } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { idNumberIndex, phoneIndex } from "../queries/pii.ts";
import { lockKey, rowsOf } from "../queries/workforce-common.ts";
import { auditLog } from "../schema/core.ts";
import { SYSTEM_ACTOR_ROLE } from "./retention.ts";

/**
 * Data-key rotation (PIPL 51, MLPS L3-CES1-26): re-seals every encrypted value under the ring's
 * current key and recomputes the blind index beside it. A row's ciphertext names its key, so
 * which rows are done is read from the data itself: a run that stops part-way is simply run
 * again. Each batch is one transaction; a value and its index always change together.
 */

interface Field {
  enc: string;
  /** The blind index computed from this value, if any, and how. */
  bidx?: string;
  index?: (plain: string) => string;
}

interface Target {
  table: string;
  fields: readonly Field[];
}

/** Every encrypted column in the schema (keep in step with `*_enc` columns; see docs/privacy.md). */
export const ENCRYPTED: readonly Target[] = [
  {
    table: "workers",
    fields: [
      { enc: "id_number_enc", bidx: "id_number_bidx", index: idNumberIndex },
      { enc: "phone_enc", bidx: "phone_bidx", index: phoneIndex },
      { enc: "home_address_enc" },
    ],
  },
  { table: "worker_documents", fields: [{ enc: "content_enc" }] },
  { table: "employers", fields: [{ enc: "contact_phone_enc", bidx: "contact_phone_bidx", index: phoneIndex }] },
  { table: "pre_registrations", fields: [{ enc: "phone_enc", bidx: "phone_bidx", index: phoneIndex }] },
];

const ident = (name: string) => sql.identifier(name);

/** `<column>`'s sealing key in SQL: the v2 key id in hex, or `v1` for the layout without one. */
function keyIdSql(column: string) {
  const head = sql`decode(translate(left(${ident(column)}, 8), '-_', '+/'), 'base64')`;
  // A value that is not base64url at all is reported as `invalid` instead of failing the query.
  return sql`case when ${ident(column)} !~ '^[A-Za-z0-9_-]{8}' then 'invalid'
    when get_byte(${head}, 0) = 2 then encode(substring(${head} from 2 for 5), 'hex')
    else 'v' || get_byte(${head}, 0)::text end`;
}

/** `table.column` → key id → number of values; what is left under which key. */
export type KeyUsage = Record<string, Record<string, number>>;

export async function keyUsage(db: Db): Promise<KeyUsage> {
  const out: KeyUsage = {};
  for (const t of ENCRYPTED) {
    for (const f of t.fields) {
      const rows = rowsOf<{ key_id: string; n: number | string }>(
        await db.execute(
          sql`select ${keyIdSql(f.enc)} as key_id, count(*) as n from ${ident(t.table)} where ${ident(f.enc)} is not null group by 1`,
        ),
      );
      out[`${t.table}.${f.enc.replace(/_enc$/, "")}`] = Object.fromEntries(rows.map((r) => [r.key_id, Number(r.n)]));
    }
  }
  return out;
}

/** Values not yet under the current key, per column. */
export function remainingOf(usage: KeyUsage, currentId: string = keyring().current.idHex): number {
  let n = 0;
  for (const byKey of Object.values(usage)) for (const [k, c] of Object.entries(byKey)) if (k !== currentId) n += c;
  return n;
}

/**
 * Refuses to start unless every value can be opened with the configured ring: each v2 key id must
 * be in the ring, and a sample of each column's v1 values (which name no key) must open.
 */
async function preflight(db: Db, usage: KeyUsage): Promise<void> {
  const known = new Set(keyring().all.map((k) => k.idHex));
  const missing = new Map<string, number>();
  for (const byKey of Object.values(usage)) {
    for (const [k, n] of Object.entries(byKey)) if (k !== "v1" && /^[0-9a-f]{10}$/.test(k) && !known.has(k)) missing.set(k, (missing.get(k) ?? 0) + n);
  }
  const unreadable = Object.entries(usage).filter(([, byKey]) => Object.keys(byKey).some((k) => k !== "v1" && !/^[0-9a-f]{10}$/.test(k)));
  if (unreadable.length > 0) {
    throw new DomainError("PRECONDITION_FAILED", `有数据不是本系统的加密格式，无法轮换：${unreadable.map(([c]) => c).join("、")}`, {
      messageEn: `Values in an unknown format: ${unreadable.map(([c]) => c).join(", ")}`,
    });
  }
  if (missing.size > 0) {
    const list = [...missing].map(([k, n]) => `${k}（${n} 项）`).join("、");
    throw new DomainError("PRECONDITION_FAILED", `缺少旧密钥，无法轮换：数据仍由密钥 ${list} 加密。请在 LINGONG_DATA_KEYS_PREVIOUS 或密钥文件中配置旧密钥。`, {
      messageEn: `Old key(s) not configured: ${[...missing.keys()].join(", ")}`,
    });
  }
  for (const t of ENCRYPTED) {
    for (const f of t.fields) {
      if (!usage[`${t.table}.${f.enc.replace(/_enc$/, "")}`]?.v1) continue;
      const [row] = rowsOf<{ v: string }>(
        await db.execute(sql`select ${ident(f.enc)} as v from ${ident(t.table)} where ${ident(f.enc)} is not null and ${keyIdSql(f.enc)} = 'v1' limit 1`),
      );
      try {
        if (row) decryptField(row.v);
      } catch {
        throw new DomainError("PRECONDITION_FAILED", `缺少旧密钥，无法轮换：${t.table} 中有旧格式数据无法用已配置的密钥解密。`, {
          messageEn: `Old-format values in ${t.table} do not open with the configured keys`,
        });
      }
    }
  }
}

export interface RotationOptions {
  /** Rows per transaction (default 200). */
  batchSize?: number;
  /** Called inside each batch's transaction after its updates; throwing rolls the batch back. */
  onBatch?: (progress: { table: string; rows: number; batch: number }) => void | Promise<void>;
}

export interface RotationReport {
  toKeyId: string;
  /** Values found under each older key before the run (by key id, `v1` = no key id). */
  fromKeys: Record<string, number>;
  rows: Record<string, number>;
  valuesResealed: number;
  indexesRecomputed: number;
  batches: number;
  complete: boolean;
  /** Values still under an older key when the run ended. */
  remaining: number;
}

async function rotateBatch(db: Db, t: Target, after: string | null, batchSize: number, batch: number, onBatch: RotationOptions["onBatch"]) {
  const prefix = cipherTextPrefix();
  return db.transaction(async (tx) => {
    // Two runs at once queue batch by batch instead of re-sealing the same rows twice.
    await lockKey(tx, "crypto:rotate-keys");
    const stale = sql.join(
      t.fields.map((f) => sql`(${ident(f.enc)} is not null and left(${ident(f.enc)}, 8) <> ${prefix})`),
      sql` or `,
    );
    const cols = sql.join(
      t.fields.flatMap((f) => [ident(f.enc), ...(f.bidx ? [ident(f.bidx)] : [])]),
      sql`, `,
    );
    const rows = rowsOf<Record<string, string | null> & { id: string }>(
      await tx.execute(
        sql`select id::text as id, ${cols} from ${ident(t.table)}
            where (${stale}) ${after ? sql`and id > ${after}::uuid` : sql``}
            order by id limit ${batchSize} for update`,
      ),
    );
    let values = 0;
    let indexes = 0;
    for (const r of rows) {
      const set = [];
      for (const f of t.fields) {
        const v = r[f.enc];
        if (!v || v.startsWith(prefix)) continue;
        const plain = decryptField(v);
        set.push(sql`${ident(f.enc)} = ${encryptField(plain)}`);
        values++;
        // A null index stays null (e.g. never indexed); otherwise it follows its value's key.
        if (f.bidx && f.index && r[f.bidx] !== null) {
          set.push(sql`${ident(f.bidx)} = ${f.index(plain)}`);
          indexes++;
        }
      }
      if (set.length > 0) await tx.execute(sql`update ${ident(t.table)} set ${sql.join(set, sql`, `)} where id = ${r.id}::uuid`);
    }
    if (rows.length > 0) await onBatch?.({ table: t.table, rows: rows.length, batch });
    return { rows: rows.length, values, indexes, last: rows.at(-1)?.id ?? null };
  });
}

/**
 * Rotates every encrypted value to the ring's current key. Refuses when an older key that data
 * still needs is not configured. Writes one audit row per run (counts and key ids, never values),
 * also when the run fails part-way; what was committed stays, and running again finishes it.
 */
export async function rotateDataKeys(db: Db, opts: RotationOptions = {}): Promise<RotationReport> {
  const batchSize = opts.batchSize ?? 200;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    throw new DomainError("BAD_REQUEST", "批大小须为 1–10000 的整数", { field: "batchSize" });
  }
  const current = keyring().current.idHex;
  const before = await keyUsage(db);
  await preflight(db, before);
  const fromKeys: Record<string, number> = {};
  for (const byKey of Object.values(before)) for (const [k, n] of Object.entries(byKey)) if (k !== current) fromKeys[k] = (fromKeys[k] ?? 0) + n;

  const report: RotationReport = { toKeyId: current, fromKeys, rows: {}, valuesResealed: 0, indexesRecomputed: 0, batches: 0, complete: false, remaining: remainingOf(before, current) };
  let failure: unknown = null;
  try {
    for (const t of ENCRYPTED) {
      let after: string | null = null;
      for (;;) {
        const b = await rotateBatch(db, t, after, batchSize, report.batches + 1, opts.onBatch);
        if (b.rows === 0) break;
        report.batches++;
        report.rows[t.table] = (report.rows[t.table] ?? 0) + b.rows;
        report.valuesResealed += b.values;
        report.indexesRecomputed += b.indexes;
        after = b.last;
        if (b.rows < batchSize) break;
      }
    }
  } catch (err) {
    failure = err;
  }
  report.remaining = remainingOf(await keyUsage(db), current);
  report.complete = failure === null && report.remaining === 0;
  await db.insert(auditLog).values({
    marketId: null,
    userId: null,
    role: SYSTEM_ACTOR_ROLE,
    ip: "cli",
    action: "crypto.rotate_keys",
    targetType: "data_key",
    targetId: current,
    success: failure === null,
    detail: {
      toKeyId: report.toKeyId,
      fromKeys: report.fromKeys,
      rows: report.rows,
      valuesResealed: report.valuesResealed,
      indexesRecomputed: report.indexesRecomputed,
      batches: report.batches,
      remaining: report.remaining,
      complete: report.complete,
      ...(failure ? { error: failure instanceof DomainError ? failure.code : "error" } : {}),
    },
  });
  if (failure) throw failure;
  return report;
}
