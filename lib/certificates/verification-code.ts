import { randomBytes } from "node:crypto";

/** Crockford's base32: no I, L, O, U, so a code read from paper is not misread. */
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** 16 characters of base32 = 80 random bits (at least 80), printed in groups of four. */
export function generateVerificationCode(): string {
  return verificationCodeFromBytes(randomBytes(10));
}

/** The code of 10 bytes (80 bits): random ones for real certificates, derived ones for the demo data. */
export function verificationCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== 10) throw new RangeError("a verification code takes 10 bytes");
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = "";
  for (let index = 0; index < 16; index++) {
    code = CROCKFORD[Number(bits & 31n)]! + code;
    bits >>= 5n;
  }
  return code;
}

/** "ABCD-EFGH-JKMN-PQRS": how a code is printed (the dashes are ignored when typed back). */
export function formatVerificationCode(code: string): string {
  return code.length === 16 ? code.match(/.{4}/g)!.join("-") : code;
}

/**
 * The forms a typed code may be stored under: as typed (upper case, without spaces and dashes),
 * which also matches the older 12-character codes, and its Crockford reading (O → 0, I/L → 1).
 * Null when it cannot be a code at all.
 */
export function candidateCodes(typed: string): string[] | null {
  const normalized = typed.normalize("NFKC").trim().toUpperCase().replace(/[\s-]/g, "");
  if (!/^[A-Z0-9]{6,24}$/.test(normalized)) return null;
  const crockford = normalized.replace(/O/g, "0").replace(/[IL]/g, "1");
  return [...new Set([normalized, crockford])];
}
