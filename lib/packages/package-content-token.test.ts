import { describe, expect, it } from "vitest";
import { issueContentToken, verifyContentToken } from "./package-content-token";

const GRANT = { packageId: "p1", userId: "u1", enrolmentId: "e1", activityKey: "a1" };
const ORIGINS = { content: "http://127.0.0.1:3400", player: "http://localhost:3400" };

describe("package content tokens", () => {
  it("carry the grant back, with the SCO and the origins the frame was given", () => {
    expect(verifyContentToken(issueContentToken(GRANT))).toEqual(GRANT);
    expect(verifyContentToken(issueContentToken({ ...GRANT, scoId: "sco-2" }))).toEqual({ ...GRANT, scoId: "sco-2" });
    expect(verifyContentToken(issueContentToken({ ...GRANT, origins: ORIGINS }))).toEqual({
      ...GRANT,
      origins: ORIGINS,
    });
    expect(verifyContentToken(issueContentToken({ ...GRANT, scoId: "sco-2", origins: ORIGINS }))).toEqual({
      ...GRANT,
      scoId: "sco-2",
      origins: ORIGINS,
    });
  });

  it("refuse a changed payload (another origin claimed) and an expired one", () => {
    const token = issueContentToken({ ...GRANT, origins: ORIGINS });
    const [payload, signature] = token.split(".");
    const forged = Buffer.from(
      Buffer.from(payload!, "base64url").toString("utf8").replace("127.0.0.1", "localhost"),
    ).toString("base64url");
    expect(() => verifyContentToken(`${forged}.${signature}`)).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    const old = issueContentToken({ ...GRANT, now: new Date("2020-01-01T00:00:00Z") });
    expect(() => verifyContentToken(old)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });
});
