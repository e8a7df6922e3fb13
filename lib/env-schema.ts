import { z } from "zod";

// The configuration of Relais, parsed once at start-up: a missing or malformed variable stops
// the server with a message naming it. README's configuration table lists the same variables.
// This module sits below every domain (they read their settings from it): it imports none of them.

/** The follow-up survey's default delay after completion (a few months); RELAIS_FOLLOW_UP_DELAY_DAYS overrides it. */
export const DEFAULT_FOLLOW_UP_DELAY_DAYS = 90;
const ZBooleanString = z.enum(["true", "false"]).transform((value) => value === "true");

export const ZEnv = z
  .object({
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/.+/, "must be a postgresql:// URL"),
    NEXTAUTH_SECRET: z.string().min(16, "must be at least 16 characters (generate one with `openssl rand -base64 32`)"),
    NEXTAUTH_URL: z.string().url("must be the public URL of the app, e.g. https://relais.example.org").optional(),
    RELAIS_MODE: z.enum(["demo", "production"], { message: "must be demo or production" }).default("production"),
    OIDC_ISSUER: z.string().url("must be the issuer URL of the OpenID provider").optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_INSTITUTION_CLAIM: z.string().min(1).default("institution"),
    OIDC_DISPLAY_NAME: z.string().min(1).default("Connexion établissement"),
    RELAIS_HOURS_PER_DAY: z.coerce.number().positive().max(24).default(6),
    // Indicators (docs/ARCHITECTURE.md): follow-up survey delay, statistical secrecy of the open data.
    RELAIS_FOLLOW_UP_DELAY_DAYS: z.coerce
      .number()
      .int("must be a whole number of days")
      .min(1, "must be at least 1 day")
      .max(730, "must be at most 730 days")
      .default(DEFAULT_FOLLOW_UP_DELAY_DAYS),
    RELAIS_SECRECY_THRESHOLD: z.coerce
      .number()
      .int("must be a whole number of people")
      .min(3, "must be at least 3 (the official statistics floor)")
      .max(100)
      .default(5),
    RELAIS_SECRECY_DOMINANCE: z.coerce
      .number()
      .gt(0.5, "must be above 0.5")
      .max(1, "must be at most 1 (a share, e.g. 0.85)")
      .default(0.85),
    // Attendance: roll call and check-in open this many minutes before a half-day;
    // the roll call (and its audited corrections) closes this many days after it ends.
    RELAIS_ATTENDANCE_GRACE_MINUTES: z.coerce
      .number()
      .int("must be a whole number of minutes")
      .min(0, "must be 0 or more")
      .max(240, "must be at most 240 minutes")
      .default(30),
    RELAIS_ATTENDANCE_CLOSING_DAYS: z.coerce
      .number()
      .int("must be a whole number of days")
      .min(0, "must be 0 or more")
      .max(90, "must be at most 90 days")
      .default(7),
    // Session cookies marked Secure (and __Secure- prefixed), and HSTS sent: default when NEXTAUTH_URL is https.
    RELAIS_SECURE_COOKIES: ZBooleanString.optional(),
    // Reverse proxies in front of Relais, each appending to X-Forwarded-For: the throttles' client
    // address is the entry the outermost one wrote (lib/security/client-address.ts).
    RELAIS_TRUSTED_PROXY_HOPS: z.coerce
      .number()
      .int("must be a whole number of proxies")
      .min(0, "must be 0 or more")
      .max(10, "must be at most 10")
      .default(1),
    // Connections of this process's PostgreSQL pool (each replica has its own).
    RELAIS_DB_POOL_SIZE: z.coerce
      .number()
      .int("must be a whole number of connections")
      .min(2, "must be at least 2")
      .max(200, "must be at most 200")
      .default(20),
    // Notification e-mails: development and tests default to a local capture server.
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^/]+/, "must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.org:587")
      .default("smtp://127.0.0.1:2525"),
    MAIL_FROM: z
      .string()
      .regex(
        /^[^<>]*<?[^\s@<>]+@[^\s@<>]+>?$/,
        "must be an e-mail address, optionally with a name: Relais <no-reply@example.org>",
      )
      .default("Relais <no-reply@relais.test>"),
    // How often the network digests are sent (lib/networks/register-network-jobs.ts): a cron expression.
    RELAIS_NETWORK_DIGEST_CRON: z
      .string()
      .regex(/^(\S+\s+){4}\S+$/, "must be a cron expression of five fields, e.g. 0 * * * *")
      .default("0 * * * *"),
    // pg-boss workers (e-mails, reminders, offers, sessions done) start with the server unless "false".
    RELAIS_JOBS: ZBooleanString.default(true),
    // The IRI base of Relais's xAPI activities and accounts (lib/lrs/xapi-identifiers.ts); NEXTAUTH_URL when unset.
    RELAIS_XAPI_BASE_URL: z.string().url("must be an absolute URL, e.g. https://relais.example.org").optional(),
    // The origin SCORM packages' files are served from: a host name of its own pointing to this same
    // server (e.g. https://contenu.relais.example). A package's frames then keep one origin and script
    // each other, and still never reach Relais (lib/security/package-content-origin.ts). Unset: on
    // localhost the server's 127.0.0.1 address; elsewhere each package document gets an opaque origin.
    RELAIS_PACKAGE_CONTENT_ORIGIN: z
      .string()
      .url("must be an absolute URL, e.g. https://contenu.relais.example")
      .optional(),
    // Uploaded files and job files (lib/storage/upload-root.ts); .data/uploads when unset.
    RELAIS_UPLOAD_DIR: z.string().min(1).optional(),
    // The xAPI version the LRS declares to requests that declare none (see lib/lrs/xapi-route.ts).
    RELAIS_XAPI_DEFAULT_VERSION: z.enum(["1.0.3", "2.0.0"], { message: "must be 1.0.3 or 2.0.0" }).default("1.0.3"),
    // Mux video: used when the token pair is set; local storage and streaming otherwise.
    MUX_TOKEN_ID: z.string().min(1).optional(),
    MUX_TOKEN_SECRET: z.string().min(1).optional(),
    MUX_WEBHOOK_SECRET: z.string().min(1).optional(),
    MUX_BASE_URL: z.string().url("must be the URL of the Mux API, e.g. https://api.mux.com").optional(),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_ISSUER"],
        message: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together",
      });
    }
    if (
      (env.MUX_TOKEN_ID || env.MUX_TOKEN_SECRET) &&
      !(env.MUX_TOKEN_ID && env.MUX_TOKEN_SECRET && env.MUX_WEBHOOK_SECRET)
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["MUX_TOKEN_ID"],
        message: "MUX_TOKEN_ID, MUX_TOKEN_SECRET and MUX_WEBHOOK_SECRET must be set together",
      });
    }
  });

export type TEnv = z.infer<typeof ZEnv>;

export function parseEnv(source: Record<string, string | undefined>): TEnv {
  // Empty strings count as unset: `FOO=` in a .env file must not defeat a default.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = ZEnv.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "env"}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}
