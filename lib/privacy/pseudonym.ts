// How an erased agent appears from now on: a random pseudonym, unrelated to anything they were.
import { createHash } from "node:crypto";

/** The display name that replaces the person's everywhere (attendance sheets, lists): the same in both languages. */
export function pseudonymName(pseudonym: string): string {
  return `Agent ${pseudonym.slice(0, 8).toUpperCase()}`;
}

/** A mailbox that can never receive mail (.invalid, RFC 2606), unique like the column requires. */
export function pseudonymEmail(pseudonym: string): string {
  return `${pseudonym}@erased.relais.invalid`;
}

/** xAPI mbox_sha1sum of a mailbox (spec: SHA-1 of the "mailto:" IRI, hex). */
export function mboxSha1(email: string): string {
  return createHash("sha1").update(`mailto:${email}`).digest("hex");
}
