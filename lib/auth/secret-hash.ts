// Hashes API secrets (LRS client secrets) with scrypt; verification is constant-time.
// Both run scrypt on libuv's thread pool (the callback form): scryptSync would hold the event
// loop for tens of milliseconds per attempt, so a burst of wrong secrets for a public key
// (keys appear in every statement's authority) would stall every page of the replica.
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

const KEY_LENGTH = 32;

function scryptAsync(secret: string, salt: Buffer, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, length, (error, derived) => (error ? reject(error) : resolve(derived)));
  });
}

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(secret, salt, KEY_LENGTH);
  return `scrypt$${salt.toString("base64")}$${hash.toString("base64")}`;
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, saltB64, hashB64] = stored.split("$");
  if (scheme !== "scrypt" || !saltB64 || !hashB64) return false;
  const expected = Buffer.from(hashB64, "base64");
  if (expected.length === 0) return false;
  const actual = await scryptAsync(secret, Buffer.from(saltB64, "base64"), expected.length);
  return timingSafeEqual(expected, actual);
}
