import { describe, expect, it } from "vitest";
import { parseEnv } from "../env-schema";

const BASE = { DATABASE_URL: "postgresql://localhost/relais", NEXTAUTH_SECRET: "a-secret-of-sixteen-chars" };

describe("indicator settings from the environment", () => {
  it("defaults: follow-up after 90 days, secrecy threshold 5, dominance 85 %", () => {
    expect(parseEnv(BASE)).toMatchObject({
      RELAIS_FOLLOW_UP_DELAY_DAYS: 90,
      RELAIS_SECRECY_THRESHOLD: 5,
      RELAIS_SECRECY_DOMINANCE: 0.85,
    });
  });

  it("reads configured values", () => {
    expect(
      parseEnv({
        ...BASE,
        RELAIS_FOLLOW_UP_DELAY_DAYS: "180",
        RELAIS_SECRECY_THRESHOLD: "10",
        RELAIS_SECRECY_DOMINANCE: "0.7",
      }),
    ).toMatchObject({
      RELAIS_FOLLOW_UP_DELAY_DAYS: 180,
      RELAIS_SECRECY_THRESHOLD: 10,
      RELAIS_SECRECY_DOMINANCE: 0.7,
    });
  });

  it("refuses bad values, naming the variable", () => {
    expect(() => parseEnv({ ...BASE, RELAIS_FOLLOW_UP_DELAY_DAYS: "0" })).toThrow(
      /RELAIS_FOLLOW_UP_DELAY_DAYS: must be at least 1 day/,
    );
    expect(() => parseEnv({ ...BASE, RELAIS_FOLLOW_UP_DELAY_DAYS: "soon" })).toThrow(/RELAIS_FOLLOW_UP_DELAY_DAYS/);
    expect(() => parseEnv({ ...BASE, RELAIS_SECRECY_THRESHOLD: "2" })).toThrow(
      /RELAIS_SECRECY_THRESHOLD: must be at least 3/,
    );
    expect(() => parseEnv({ ...BASE, RELAIS_SECRECY_DOMINANCE: "85" })).toThrow(
      /RELAIS_SECRECY_DOMINANCE: must be at most 1/,
    );
  });
});
