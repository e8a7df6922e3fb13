import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { z } from "zod";

/** SMTP_URL (e.g. smtp://user:pass@mail.example:587); development and tests default to a local capture server. */
const ZMailEnv = z.object({
  SMTP_URL: z.url().default("smtp://127.0.0.1:2525"),
  MAIL_FROM: z.string().default("Relais <no-reply@relais.test>"),
});

export function mailSettings() {
  return ZMailEnv.parse({ SMTP_URL: process.env.SMTP_URL || undefined, MAIL_FROM: process.env.MAIL_FROM || undefined });
}

export function createMailTransport(smtpUrl = mailSettings().SMTP_URL): Transporter {
  // Short timeouts: a down SMTP server must fail the job fast so pg-boss retries it later.
  return nodemailer.createTransport(smtpUrl, { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 } as never);
}
