import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { DomainError } from "../errors.ts";
import { dataKeys } from "./keys.ts";

/**
 * Personal data at rest (PIPL 51; MLPS L3-CES1-26/-28): AES-256-GCM with a fresh 96-bit IV per
 * value, optional associated data binding a ciphertext to its row/column, and an HMAC blind
 * index for equality lookup and uniqueness. Plaintext is never logged.
 */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

function seal(plain: Buffer, aad?: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", dataKeys().enc, iv);
  if (aad) cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, body, cipher.getAuthTag()]);
}

function open(sealed: Buffer, aad?: string): Buffer {
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) {
    throw new DomainError("BAD_REQUEST", "加密数据格式不正确", { messageEn: "Malformed ciphertext" });
  }
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", dataKeys().enc, iv);
  if (aad) decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new DomainError("PRECONDITION_FAILED", "加密数据无法解密（密钥不符或数据被篡改）", { messageEn: "Cannot decrypt" });
  }
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
export function blindIndex(value: string, purpose = "default"): string {
  const normalised = value.normalize("NFKC").trim().toUpperCase();
  return createHmac("sha256", dataKeys().mac).update(`${purpose}\u0000${normalised}`).digest("base64url");
}

/** Blind index of binary content (e.g. a photo's bytes, to spot the same file uploaded twice). */
export function blindIndexBytes(value: Uint8Array, purpose = "bytes"): string {
  return createHmac("sha256", dataKeys().mac).update(`${purpose}\u0000`).update(value).digest("base64url");
}
