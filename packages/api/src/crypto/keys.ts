import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from "node:fs";
import { randomBytes, hkdfSync } from "node:crypto";
import { dirname, resolve } from "node:path";
import { defaultDataDir } from "../db/client.ts";

export interface DataKeys {
  /** AES-256-GCM key for fields and files. */
  enc: Buffer;
  /** HMAC-SHA256 key for blind indexes (derived separately, so the index reveals nothing of `enc`). */
  mac: Buffer;
}

let keys: DataKeys | null = null;

function derive(master: Buffer): DataKeys {
  if (master.length !== 32) throw new Error("LINGONG_DATA_KEY must be 32 bytes (base64)");
  return {
    enc: Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), "lingong/field-encryption/v1", 32)),
    mac: Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), "lingong/blind-index/v1", 32)),
  };
}

/** Where the embedded default keeps its generated master key. */
export function keyFilePath(): string {
  return resolve(defaultDataDir(), "data.key");
}

function loadOrCreateKeyFile(path: string): Buffer {
  if (existsSync(path)) return Buffer.from(readFileSync(path, "utf8").trim(), "base64");
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(path, 0o600);
  return key;
}

/**
 * The master key: `LINGONG_DATA_KEY` (base64, 32 bytes) when set; under tests a per-process
 * random key; otherwise a key file generated once (mode 0600) in the data folder. Losing the key
 * file makes encrypted ID numbers and photos unreadable: back it up separately from the database.
 */
export function dataKeys(): DataKeys {
  if (keys) return keys;
  const env = process.env.LINGONG_DATA_KEY;
  if (env) keys = derive(Buffer.from(env, "base64"));
  else if (process.env.VITEST) keys = derive(randomBytes(32));
  else keys = derive(loadOrCreateKeyFile(keyFilePath()));
  return keys;
}

/** Replaces the master key (tests, key rotation tooling). `null` reloads from the environment. */
export function setMasterKey(master: Buffer | null): void {
  keys = master ? derive(master) : null;
}
