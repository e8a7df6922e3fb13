import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createInstitution, uniqueCode } from "../../testing/fixtures";
import { linkOidcUser } from "./link-oidc-user";

describe("OpenID Connect sign-in: matching and creating users", () => {
  it("creates an agent of the institution named by the claim", async () => {
    const institution = await createInstitution();
    const email = `${uniqueCode("new")}@idp.test`;
    const { userId } = await linkOidcUser({
      provider: "oidc",
      subject: uniqueCode("sub"),
      email,
      name: "New Person",
      institutionCode: institution.code,
    });
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, include: { memberships: true } });
    expect(user).toMatchObject({ email, institutionId: institution.id });
    expect(user.memberships.map((membership) => membership.role)).toEqual(["AGENT"]);
  });

  it("matches an existing user by e-mail (case-insensitively) and links the identity", async () => {
    const institution = await createInstitution();
    const email = `${uniqueCode("existing")}@idp.test`;
    const existing = await db.user.create({ data: { email, name: "Existing", institutionId: institution.id } });
    const subject = uniqueCode("sub");
    const { userId } = await linkOidcUser({
      provider: "oidc",
      subject,
      email: email.toUpperCase(),
      name: "Other Name",
      institutionCode: institution.code,
    });
    expect(userId).toBe(existing.id);
    expect(await db.user.count({ where: { email } })).toBe(1);
    // Second sign-in goes through the linked identity, even if the e-mail changed at the IdP.
    const again = await linkOidcUser({
      provider: "oidc",
      subject,
      email: `changed-${email}`,
      name: "X",
      institutionCode: institution.code,
    });
    expect(again.userId).toBe(existing.id);
  });

  it("refuses a new person whose institution is unknown, and creates nothing", async () => {
    const email = `${uniqueCode("stranger")}@idp.test`;
    await expect(
      linkOidcUser({ provider: "oidc", subject: uniqueCode("sub"), email, name: "Stranger", institutionCode: "NOPE" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      userMessage: "unknown-institution",
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});
