import { randomInt } from "node:crypto";

// No 0/O, 1/I/L: the code is read aloud in a room and typed on a phone.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export function generateCheckInCode(length = 6): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

export function normalizeCheckInCode(code: string): string {
  return code.trim().toUpperCase().replace(/[\s-]/g, "");
}
