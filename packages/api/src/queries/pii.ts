import { blindIndex, blindIndexes, decryptField, encryptField } from "../crypto/index.ts";

// Personal data of workers and employers: AES-256-GCM at rest, HMAC blind indexes for lookup and
// uniqueness (checklist A7). One purpose per kind of value so indexes never match across kinds.
// Writes use the current key's index; lookups match the index under every key of the ring, so a
// key rotation in progress (docs/operations.md) never makes a lookup or a duplicate check miss.

export function encryptPii(plain: string): string {
  return encryptField(plain);
}

export function decryptPii(cipherText: string): string {
  return decryptField(cipherText);
}

/** Blind index of a normalised 18-character resident ID number (current key: for writing). */
export function idNumberIndex(id: string): string {
  return blindIndex(id.toUpperCase(), "resident-id");
}

/** The ID number's blind index under every key of the ring (for lookups and duplicate checks). */
export function idNumberIndexes(id: string): string[] {
  return blindIndexes(id.toUpperCase(), "resident-id");
}

/** Blind index of a normalised 11-digit mainland mobile number (current key: for writing). */
export function phoneIndex(phone: string): string {
  return blindIndex(phone, "phone");
}

/** The phone's blind index under every key of the ring (for lookups). */
export function phoneIndexes(phone: string): string[] {
  return blindIndexes(phone, "phone");
}
