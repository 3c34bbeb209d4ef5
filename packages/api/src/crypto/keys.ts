import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync, renameSync } from "node:fs";
import { randomBytes, hkdfSync } from "node:crypto";
import { dirname, resolve } from "node:path";
import { defaultDataDir } from "../db/client.ts";

export interface DataKeys {
  /** 5-byte fingerprint of the master key, written into every ciphertext it seals. */
  id: Buffer;
  /** `id` as hex, for messages and audit rows (it reveals nothing of the key). */
  idHex: string;
  /** AES-256-GCM key for fields and files. */
  enc: Buffer;
  /** HMAC-SHA256 key for blind indexes (derived separately, so the index reveals nothing of `enc`). */
  mac: Buffer;
}

/** The key new data is sealed and indexed with, and the older keys still accepted for reading. */
export interface Keyring {
  current: DataKeys;
  /** Every key, current first. */
  all: DataKeys[];
}

export const KEY_ID_BYTES = 5;

let ring: Keyring | null = null;

function derive(master: Buffer): DataKeys {
  if (master.length !== 32) throw new Error("LINGONG_DATA_KEY must be 32 bytes (base64)");
  const id = Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), "lingong/key-id/v1", KEY_ID_BYTES));
  return {
    id,
    idHex: id.toString("hex"),
    enc: Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), "lingong/field-encryption/v1", 32)),
    mac: Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), "lingong/blind-index/v1", 32)),
  };
}

function buildRing(current: Buffer, previous: readonly Buffer[]): Keyring {
  const cur = derive(current);
  const all = [cur];
  for (const p of previous) {
    const k = derive(p);
    const clash = all.find((a) => a.id.equals(k.id));
    if (clash && !clash.enc.equals(k.enc)) throw new Error(`two data keys share the id ${k.idHex}; generate another key`);
    if (!clash) all.push(k);
  }
  return { current: cur, all };
}

/** Where the embedded default keeps its generated master key(s). */
export function keyFilePath(): string {
  return resolve(defaultDataDir(), "data.key");
}

/** Base64 keys separated by newlines, commas or spaces; `#` starts a comment line. */
function parseKeyList(text: string): Buffer[] {
  return text
    .split(/\r?\n/)
    .filter((l) => !l.trim().startsWith("#"))
    .join(" ")
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((k) => Buffer.from(k, "base64"));
}

/** The key file's keys, current first; created with one fresh key (mode 0600) when missing. */
export function readKeyFile(path: string = keyFilePath()): Buffer[] {
  if (existsSync(path)) {
    const keys = parseKeyList(readFileSync(path, "utf8"));
    if (keys.length === 0) throw new Error(`${path} holds no key`);
    return keys;
  }
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(path, 0o600);
  return [key];
}

/**
 * Rewrites the key file with `keys` (current first), atomically and mode 0600. Used by the
 * rotation CLI to put a new key in front of the old ones, and to drop the old ones afterwards.
 */
export function writeKeyFile(keys: readonly Buffer[], path: string = keyFilePath()): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, keys.map((k) => `${k.toString("base64")}\n`).join(""), { mode: 0o600, flag: "w" });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/**
 * The keyring. Current key: `LINGONG_DATA_KEY` (base64, 32 bytes) when set, with older keys in
 * `LINGONG_DATA_KEYS_PREVIOUS` (base64, comma- or space-separated); under tests a per-process
 * random key; otherwise the key file (first line current, further lines older keys), generated
 * once in the data folder. Losing a key makes what it sealed unreadable: back keys up separately
 * from the database, and keep an old key until `rotate-keys` reports nothing left under it.
 */
export function keyring(): Keyring {
  if (ring) return ring;
  const env = process.env.LINGONG_DATA_KEY;
  const previous = parseKeyList(process.env.LINGONG_DATA_KEYS_PREVIOUS ?? "");
  if (env) ring = buildRing(Buffer.from(env, "base64"), previous);
  else if (process.env.VITEST) ring = buildRing(randomBytes(32), []);
  else {
    const [current, ...older] = readKeyFile();
    if (!current) throw new Error("no data key");
    ring = buildRing(current, [...older, ...previous]);
  }
  return ring;
}

/** The current key (what new ciphertexts and blind indexes use). */
export function dataKeys(): DataKeys {
  return keyring().current;
}

/** Replaces the master key (tests). `null` reloads from the environment on next use. */
export function setMasterKey(master: Buffer | null): void {
  ring = master ? buildRing(master, []) : null;
}

/** Replaces the keyring (tests, rotation tooling): `current` seals, all of them open. */
export function setKeyring(current: Buffer, previous: readonly Buffer[] = []): void {
  ring = buildRing(current, previous);
}
