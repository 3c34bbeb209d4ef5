import { blindIndex, decryptField, encryptField } from "../crypto/index.ts";

// Personal data of workers and employers: AES-256-GCM at rest, HMAC blind indexes for lookup and
// uniqueness (checklist A7). One purpose per kind of value so indexes never match across kinds.

export function encryptPii(plain: string): string {
  return encryptField(plain);
}

export function decryptPii(cipherText: string): string {
  return decryptField(cipherText);
}

/** Blind index of a normalised 18-character resident ID number. */
export function idNumberIndex(id: string): string {
  return blindIndex(id.toUpperCase(), "resident-id");
}

/** Blind index of a normalised 11-digit mainland mobile number. */
export function phoneIndex(phone: string): string {
  return blindIndex(phone, "phone");
}
