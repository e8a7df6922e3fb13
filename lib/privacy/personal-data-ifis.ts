// The xAPI identifiers (IFIs, as lib/lrs/agent-ifi.ts normalises them) under which a person's
// statements and documents are stored: their platform account, and their mailbox where a tool
// identified them by e-mail.
import { xapiBaseUrl } from "../lrs/xapi-identifiers";
import { mboxSha1 } from "./pseudonym";

export function personalDataIfis(userId: string, email: string): string[] {
  const mailbox = email.toLowerCase();
  return [`account:${xapiBaseUrl()} ${userId}`, `mbox:mailto:${mailbox}`, `mbox_sha1sum:${mboxSha1(mailbox)}`];
}
