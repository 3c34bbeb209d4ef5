import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { DomainError } from "../errors.ts";
import { dataKeys, keyring, KEY_ID_BYTES, type DataKeys } from "./keys.ts";

/**
 * Personal data at rest (PIPL 51; MLPS L3-CES1-26/-28): AES-256-GCM with a fresh 96-bit IV per
 * value, optional associated data binding a ciphertext to its row/column, and an HMAC blind
 * index for equality lookup and uniqueness. Plaintext is never logged.
 */
// Layouts: v1 = [0x01][IV 12][body][tag 16] (before key rotation; the key is found by trying the
// ring) and v2 = [0x02][key id 5][IV 12][body][tag 16]. New values are always v2. The 6-byte v2
// header is exactly 8 base64url characters, so SQL can tell which key sealed a text value.
const V1 = 1;
const V2 = 2;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const V2_HEADER = 1 + KEY_ID_BYTES;

function seal(plain: Buffer, aad?: string): Buffer {
  const key = dataKeys();
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key.enc, iv);
  if (aad) cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([V2]), key.id, iv, body, cipher.getAuthTag()]);
}

function malformed(): DomainError {
  return new DomainError("BAD_REQUEST", "加密数据格式不正确", { messageEn: "Malformed ciphertext" });
}

function tryOpen(key: DataKeys, payload: Buffer, aad?: string): Buffer | null {
  const iv = payload.subarray(0, IV_BYTES);
  const tag = payload.subarray(payload.length - TAG_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", key.enc, iv);
  if (aad) decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(payload.subarray(IV_BYTES, payload.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}

function open(sealed: Buffer, aad?: string): Buffer {
  const ring = keyring();
  let opened: Buffer | null = null;
  if (sealed[0] === V2 && sealed.length >= V2_HEADER + IV_BYTES + TAG_BYTES) {
    const id = sealed.subarray(1, V2_HEADER);
    const key = ring.all.find((k) => k.id.equals(id));
    if (!key) {
      throw new DomainError("PRECONDITION_FAILED", `加密数据所用的密钥（${id.toString("hex")}）未配置，无法解密`, {
        messageEn: `Data key ${id.toString("hex")} is not configured`,
      });
    }
    opened = tryOpen(key, sealed.subarray(V2_HEADER), aad);
  } else if (sealed[0] === V1 && sealed.length >= 1 + IV_BYTES + TAG_BYTES) {
    // v1 carries no key id: GCM's tag tells the right key, current first.
    for (const key of ring.all) {
      opened = tryOpen(key, sealed.subarray(1), aad);
      if (opened) break;
    }
  } else {
    throw malformed();
  }
  if (!opened) throw new DomainError("PRECONDITION_FAILED", "加密数据无法解密（密钥不符或数据被篡改）", { messageEn: "Cannot decrypt" });
  return opened;
}

/** The base64url prefix of every text ciphertext sealed with `key` (8 characters). */
export function cipherTextPrefix(key: DataKeys = dataKeys()): string {
  return Buffer.concat([Buffer.from([V2]), key.id]).toString("base64url");
}

/** Which key sealed a text ciphertext: its id in hex, or `v1` for the pre-rotation layout. */
export function cipherTextKeyId(cipherText: string): string {
  const head = Buffer.from(cipherText.slice(0, 8), "base64url");
  if (head[0] === V2 && head.length === V2_HEADER) return head.subarray(1).toString("hex");
  if (head[0] === V1) return "v1";
  throw malformed();
}

/** Encrypts a text field; the result is base64url text, safe for a `text` column. */
export function encryptField(plain: string, aad?: string): string {
  return seal(Buffer.from(plain, "utf8"), aad).toString("base64url");
}

export function decryptField(cipherText: string, aad?: string): string {
  return open(Buffer.from(cipherText, "base64url"), aad).toString("utf8");
}

/** Encrypts binary data (ID copies, photos) for a `bytea` column or a file. */
export function encryptBytes(plain: Uint8Array, aad?: string): Buffer {
  return seal(Buffer.from(plain), aad);
}

export function decryptBytes(sealed: Uint8Array, aad?: string): Buffer {
  return open(Buffer.from(sealed), aad);
}

/**
 * Keyed HMAC-SHA256 of a normalised value (NFKC, trimmed, upper-case so an ID's check `x`
 * equals `X`), for lookup and unique indexes without storing the value. `purpose` separates
 * indexes of different fields so equal values in two fields do not match.
 */
export function blindIndex(value: string, purpose = "default", key: DataKeys = dataKeys()): string {
  const normalised = value.normalize("NFKC").trim().toUpperCase();
  return createHmac("sha256", key.mac).update(`${purpose}\u0000${normalised}`).digest("base64url");
}

/**
 * The blind index under every key of the ring, current first. Lookups and duplicate checks match
 * any of them, so rows not yet re-indexed by a rotation are still found (no window in which a
 * lookup misses or a duplicate slips past the check).
 */
export function blindIndexes(value: string, purpose = "default"): string[] {
  return [...new Set(keyring().all.map((k) => blindIndex(value, purpose, k)))];
}

/** Blind index of binary content (e.g. a photo's bytes, to spot the same file uploaded twice). */
export function blindIndexBytes(value: Uint8Array, purpose = "bytes"): string {
  return createHmac("sha256", dataKeys().mac).update(`${purpose}\u0000`).update(value).digest("base64url");
}
