import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseEnv, ZEnv } from "./env-schema";

const VALID = { DATABASE_URL: "postgresql://u:p@localhost:5432/relais", NEXTAUTH_SECRET: "0123456789abcdef0123" };

describe("configuration", () => {
  it("accepts a minimal configuration and applies defaults", () => {
    const env = parseEnv(VALID);
    expect(env.RELAIS_MODE).toBe("production");
    expect(env.RELAIS_HOURS_PER_DAY).toBe(6);
  });
  it("parses the attendance window: 30 minutes of grace and 7 days of closing by default, bounded", () => {
    expect(parseEnv(VALID)).toMatchObject({ RELAIS_ATTENDANCE_GRACE_MINUTES: 30, RELAIS_ATTENDANCE_CLOSING_DAYS: 7 });
    expect(
      parseEnv({ ...VALID, RELAIS_ATTENDANCE_GRACE_MINUTES: "15", RELAIS_ATTENDANCE_CLOSING_DAYS: "0" }),
    ).toMatchObject({ RELAIS_ATTENDANCE_GRACE_MINUTES: 15, RELAIS_ATTENDANCE_CLOSING_DAYS: 0 });
    expect(() => parseEnv({ ...VALID, RELAIS_ATTENDANCE_GRACE_MINUTES: "-5" })).toThrow(
      /RELAIS_ATTENDANCE_GRACE_MINUTES: must be 0 or more/,
    );
    expect(() => parseEnv({ ...VALID, RELAIS_ATTENDANCE_CLOSING_DAYS: "1.5" })).toThrow(
      /RELAIS_ATTENDANCE_CLOSING_DAYS: must be a whole number of days/,
    );
  });
  it("names the missing variable", () => {
    expect(() => parseEnv({ NEXTAUTH_SECRET: VALID.NEXTAUTH_SECRET })).toThrow(/DATABASE_URL/);
  });
  it("names the malformed variable", () => {
    expect(() => parseEnv({ ...VALID, DATABASE_URL: "mysql://x" })).toThrow(
      /DATABASE_URL: must be a postgresql:\/\/ URL/,
    );
    expect(() => parseEnv({ ...VALID, RELAIS_MODE: "staging" })).toThrow(/RELAIS_MODE/);
    expect(() => parseEnv({ ...VALID, RELAIS_HOURS_PER_DAY: "zero" })).toThrow(/RELAIS_HOURS_PER_DAY/);
  });
  it("validates the xAPI version declared to requests that declare none", () => {
    expect(parseEnv(VALID).RELAIS_XAPI_DEFAULT_VERSION).toBe("1.0.3");
    expect(parseEnv({ ...VALID, RELAIS_XAPI_DEFAULT_VERSION: "2.0.0" }).RELAIS_XAPI_DEFAULT_VERSION).toBe("2.0.0");
    expect(() => parseEnv({ ...VALID, RELAIS_XAPI_DEFAULT_VERSION: "2.0" })).toThrow(
      /RELAIS_XAPI_DEFAULT_VERSION: must be 1.0.3 or 2.0.0/,
    );
  });
  it("validates the mail settings and defaults to the local capture server", () => {
    expect(parseEnv(VALID)).toMatchObject({
      SMTP_URL: "smtp://127.0.0.1:2525",
      MAIL_FROM: "Relais <no-reply@relais.test>",
      RELAIS_JOBS: true,
    });
    expect(
      parseEnv({
        ...VALID,
        SMTP_URL: "smtps://u:p@mail.example.org:465",
        MAIL_FROM: "no-reply@example.org",
        RELAIS_JOBS: "false",
      }),
    ).toMatchObject({
      SMTP_URL: "smtps://u:p@mail.example.org:465",
      MAIL_FROM: "no-reply@example.org",
      RELAIS_JOBS: false,
    });
    expect(() => parseEnv({ ...VALID, SMTP_URL: "http://mail.example.org" })).toThrow(/SMTP_URL: must be an smtp:\/\//);
    expect(() => parseEnv({ ...VALID, MAIL_FROM: "Relais" })).toThrow(/MAIL_FROM: must be an e-mail address/);
    expect(() => parseEnv({ ...VALID, RELAIS_JOBS: "no" })).toThrow(/RELAIS_JOBS/);
  });
  it("requires the OpenID Connect variables together", () => {
    expect(() => parseEnv({ ...VALID, OIDC_ISSUER: "http://localhost:9000" })).toThrow(/must be set together/);
  });
});

describe("the README's configuration table", () => {
  it("lists every variable of the schema", () => {
    const readme = readFileSync(path.join(import.meta.dirname, "../README.md"), "utf8");
    const table = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("### External PostgreSQL"));
    const missing = Object.keys(ZEnv.shape).filter((name) => !table.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
