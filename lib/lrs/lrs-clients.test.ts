import { describe, expect, it } from "vitest";
import { GET as getStatements, POST as postStatements } from "@/app/api/xapi/statements/route";
import { verifySecret } from "../auth/secret-hash";
import { db } from "../db";
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";
import { createLrsClient } from "./create-lrs-client";
import { listLrsClients } from "./list-lrs-clients";
import { revokeLrsClient } from "./revoke-lrs-client";

async function expectError(promise: Promise<unknown>, code: string, message?: RegExp) {
  const error = (await promise.then(
    () => null,
    (caught: unknown) => caught,
  )) as { code?: string; message?: string } | null;
  expect(error?.code).toBe(code);
  if (message) expect(error?.message).toMatch(message);
}

async function setUp() {
  const [a, b] = await Promise.all([createInstitution(), createInstitution()]);
  const [officerA, officerB, admin] = await Promise.all([
    createUserWithRoles({ institutionId: a.id, roles: [{ role: "TRAINING_OFFICER", institutionId: a.id }] }),
    createUserWithRoles({ institutionId: b.id, roles: [{ role: "TRAINING_OFFICER", institutionId: b.id }] }),
    createUserWithRoles({ roles: [{ role: "NATIONAL_ADMIN" }] }),
  ]);
  return { a, b, officerA, officerB, admin };
}

function getWith(key: string, secret: string) {
  const authorization = `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`;
  return getStatements(
    new Request("http://localhost/api/xapi/statements?limit=1", {
      headers: { authorization, "x-experience-api-version": "1.0.3" },
    }),
  );
}

describe("LRS client administration", () => {
  it("creates a client of the officer's institution, keeps only a hash of the secret, and audits it", async () => {
    const { a, officerA } = await setUp();
    const created = await createLrsClient(officerA, {
      name: "  Moodle A  ",
      institutionId: a.id,
      canRead: true,
      canWrite: false,
    });
    const stored = await db.lrsClient.findUniqueOrThrow({ where: { id: created.id }, omit: { secretHash: false } });
    expect(stored).toMatchObject({
      name: "Moodle A",
      key: created.key,
      institutionId: a.id,
      canRead: true,
      canWrite: false,
      createdById: officerA.userId,
      revokedAt: null,
    });
    expect(stored.secretHash).not.toContain(created.secret);
    expect(await verifySecret(created.secret, stored.secretHash)).toBe(true);
    expect(
      await db.auditLog.count({
        where: { entityType: "LrsClient", entityId: created.id, action: "lrsClient.created", actorId: officerA.userId },
      }),
    ).toBe(1);
  });

  it("a new client reads only unless write is chosen (least privilege by default): it cannot store statements", async () => {
    const { a, officerA } = await setUp();
    const created = await createLrsClient(officerA, { name: "Tableau de bord", institutionId: a.id });
    expect(await db.lrsClient.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      canRead: true,
      canWrite: false,
    });
    const authorization = `Basic ${Buffer.from(`${created.key}:${created.secret}`).toString("base64")}`;
    const post = await postStatements(
      new Request("http://localhost/api/xapi/statements", {
        method: "POST",
        headers: { authorization, "x-experience-api-version": "1.0.3", "content-type": "application/json" },
        body: JSON.stringify({
          actor: { mbox: "mailto:someone@test.relais" },
          verb: { id: "http://adlnet.gov/expapi/verbs/experienced" },
          object: { id: "http://relais.test/activities/x" },
        }),
      }),
    );
    expect(post.status).toBe(403);
    expect((await getWith(created.key, created.secret)).status).toBe(200);
    const writer = await createLrsClient(officerA, { name: "Moodle", institutionId: a.id, canWrite: true });
    expect(await db.lrsClient.findUniqueOrThrow({ where: { id: writer.id } })).toMatchObject({
      canRead: true,
      canWrite: true,
    });
  });

  it("refuses an officer a client of another institution or a national client; a national admin may create both", async () => {
    const { a, b, officerA, admin } = await setUp();
    await expectError(
      createLrsClient(officerA, { name: "Other", institutionId: b.id, canRead: true, canWrite: true }),
      "FORBIDDEN",
    );
    await expectError(
      createLrsClient(officerA, { name: "National", institutionId: null, canRead: true, canWrite: true }),
      "FORBIDDEN",
    );
    await expect(
      createLrsClient(admin, { name: "National", institutionId: null, canRead: true, canWrite: true }),
    ).resolves.toMatchObject({ name: "National" });
    await expect(
      createLrsClient(admin, { name: "For A", institutionId: a.id, canRead: true, canWrite: true }),
    ).resolves.toMatchObject({ name: "For A" });
    expect(await db.lrsClient.count({ where: { institutionId: b.id } })).toBe(0);
  });

  it.each([
    [{ name: " ", canRead: true, canWrite: true }, /name: is required/],
    [{ name: "x".repeat(101), canRead: true, canWrite: true }, /name: at most 100/],
    [{ name: "No rights", canRead: false, canWrite: false }, /permissions: choose read, write or both/],
  ])("refuses invalid input %#", async (input, message) => {
    const { a, officerA } = await setUp();
    await expectError(createLrsClient(officerA, { ...input, institutionId: a.id }), "INVALID", message);
  });

  it("lists only the clients of the officer's institution, and refuses another institution's page", async () => {
    const { a, b, officerA, officerB } = await setUp();
    const mine = await createLrsClient(officerA, { name: "Mine", institutionId: a.id, canRead: true, canWrite: true });
    const theirs = await createLrsClient(officerB, {
      name: "Theirs",
      institutionId: b.id,
      canRead: true,
      canWrite: true,
    });
    const listed = await listLrsClients(officerA);
    expect(listed.clients.map((client) => client.id)).toContain(mine.id);
    expect(listed.clients.map((client) => client.id)).not.toContain(theirs.id);
    expect(listed.isNationalAllowed).toBe(false);
    expect(listed.institutions).toEqual([{ id: a.id, name: a.name }]);
    await expectError(listLrsClients(officerA, { institutionId: b.id }), "FORBIDDEN");
  });

  it("revokes a client (idempotently): its credentials then get 401 from /api/xapi; another institution's officer may not revoke it", async () => {
    const { a, officerA, officerB } = await setUp();
    const created = await createLrsClient(officerA, {
      name: "To revoke",
      institutionId: a.id,
      canRead: true,
      canWrite: true,
    });
    expect((await getWith(created.key, created.secret)).status).toBe(200);
    expect((await getWith(created.key, "wrong-secret")).status).toBe(401);
    await expectError(revokeLrsClient(officerB, { clientId: created.id }), "FORBIDDEN");
    expect((await getWith(created.key, created.secret)).status).toBe(200);
    await revokeLrsClient(officerA, { clientId: created.id });
    await revokeLrsClient(officerA, { clientId: created.id });
    const answer = await getWith(created.key, created.secret);
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toMatch(/^Basic/);
    expect(await db.auditLog.count({ where: { entityId: created.id, action: "lrsClient.revoked" } })).toBe(1);
    await expectError(revokeLrsClient(officerA, { clientId: "no-such-client" }), "NOT_FOUND");
  });
});
