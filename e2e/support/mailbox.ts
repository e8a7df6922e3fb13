// Reads the e-mails captured by the end-to-end server's local SMTP server (scripts/e2e-server.ts).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { E2E } from "../../scripts/e2e-settings";

export type TMail = { to: string; subject: string; raw: string };

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=), as nodemailer writes non-ASCII subjects. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_match, encoding: string, text: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text
              .replace(/_/g, " ")
              .replace(/=([0-9A-F]{2})/gi, (_hex, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            "latin1",
          ).toString("utf8"),
    );
}

export function readMailbox(): TMail[] {
  const dir = path.resolve(E2E.mailDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".eml"))
    .sort()
    .map((name) => {
      const raw = readFileSync(path.join(dir, name), "utf8");
      const headers = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
      const header = (field: string) => new RegExp(`^${field}: (.*)$`, "im").exec(headers)?.[1] ?? "";
      return { to: header("X-Envelope-To"), subject: decodeHeader(header("Subject")), raw };
    });
}
