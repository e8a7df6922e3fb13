import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { parseEnv } from "../env-schema";

/** SMTP_URL and MAIL_FROM as validated by lib/env-schema.ts; read at each call so a test or a restart can point elsewhere. */
export function mailSettings(): { SMTP_URL: string; MAIL_FROM: string } {
  const { SMTP_URL, MAIL_FROM } = parseEnv(process.env);
  return { SMTP_URL, MAIL_FROM };
}

export function createMailTransport(smtpUrl = mailSettings().SMTP_URL): Transporter {
  // Short timeouts: a down SMTP server must fail the job fast so pg-boss retries it later.
  return nodemailer.createTransport(smtpUrl, {
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
  } as never);
}
