// A local SMTP server that keeps what it receives: in development and tests no e-mail leaves the
// machine. Used by the tests and by the end-to-end server, which also writes each message to a
// folder so that Playwright specs can read the mailbox.
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export type TCapturedMail = { to: string; raw: string };

export type TSmtpCapture = { port: number; messages: TCapturedMail[]; close: () => Promise<void> };

export function startSmtpCapture(options: { port?: number; mailDir?: string } = {}): Promise<TSmtpCapture> {
  const messages: TCapturedMail[] = [];
  if (options.mailDir) mkdirSync(options.mailDir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        const mail = { to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(","), raw };
        messages.push(mail);
        if (options.mailDir)
          writeFileSync(
            path.join(options.mailDir, `${Date.now()}-${messages.length}.eml`),
            `X-Envelope-To: ${mail.to}\r\n${raw}`,
          );
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      resolve({
        port: (server.server.address() as AddressInfo).port,
        messages,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
