import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { createUserWithRoles, uniqueCode } from "../../testing/fixtures";
import { createHandComputedDataSet } from "../../testing/hand-computed-data-set";
import { loadIndicatorFacts } from "../indicators/load-indicator-facts";
import { computeIndicators } from "../indicators/compute-indicators";
import { periodOf } from "../indicators/scope";
import { storeStatements } from "../lrs/store-statements";
import { projectStatements } from "../learning/project-statements";
import { xapiAgentForUser, xapiBaseUrl } from "../lrs/xapi-identifiers";
import { verifyCertificate } from "../certificates/verify-certificate";
import { AppError } from "../errors/app-error";
import type { TActor } from "../auth/permissions";
import { eraseAgent } from "./erase-agent";

const MARCH = periodOf({ from: "2026-03-01", to: "2026-03-31" });
const YEAR = periodOf({ from: "2026-01-01", to: "2026-12-31" });
const BREAKDOWNS = ["none", "institution", "region", "staffCategory", "population", "sex", "modality"] as const;

let data: Awaited<ReturnType<typeof createHandComputedDataSet>>;
let officerA: TActor;
let officerB: TActor;
let u1: { id: string; email: string; name: string };
let code: string;

async function figures() {
  const results = [];
  for (const period of [MARCH, YEAR]) {
    const facts = await loadIndicatorFacts({ institutionIds: [data.a.id, data.b.id], period });
    for (const breakdown of BREAKDOWNS) results.push(computeIndicators(facts, breakdown));
  }
  return results;
}

const writer = { kind: "relais" } as const;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  data = await createHandComputedDataSet({ yearShift: 0 });
  officerA = await createUserWithRoles({
    institutionId: data.a.id,
    roles: [{ role: "TRAINING_OFFICER", institutionId: data.a.id }],
  });
  officerB = await createUserWithRoles({
    institutionId: data.b.id,
    roles: [{ role: "TRAINING_OFFICER", institutionId: data.b.id }],
  });
  const row = await db.user.update({
    where: { id: data.users.u1.id },
    data: {
      name: "Camille Dupont-Erasable",
      email: `${uniqueCode("camille")}@test.relais`,
      workplaceLabel: "Bureau 12",
    },
    select: { id: true, email: true, name: true },
  });
  u1 = row;
  await db.authIdentity.create({ data: { userId: u1.id, provider: "oidc", subject: randomUUID() } });
  await db.notification.create({ data: { userId: u1.id, kind: "test", title: "Bonjour Camille", body: "…" } });
  await db.xapiDocument.create({
    data: {
      kind: "STATE",
      activityId: "http://example.org/a",
      agentIfi: `account:${xapiBaseUrl()} ${u1.id}`,
      documentId: "bookmark",
      contentType: "application/json",
      content: Buffer.from("{}"),
      etag: "x",
      updatedAt: new Date(),
    },
  });
  const course = await db.course.findFirstOrThrow({ where: { institutionId: data.a.id } });
  code = uniqueCode("CERT").replace(/-/g, "").toUpperCase().slice(0, 16);
  await db.certificate.create({
    data: { kind: "ACHIEVEMENT", verificationCode: code, userId: u1.id, courseId: course.id, hours: 2 },
  });
  const agent = xapiAgentForUser({ id: u1.id, name: u1.name });
  await storeStatements({
    credentials: writer,
    project: projectStatements,
    statements: [
      {
        actor: agent,
        verb: { id: "http://adlnet.gov/expapi/verbs/experienced" },
        object: { id: "http://example.org/x" },
      },
      {
        actor: { mbox: `mailto:${u1.email}`, name: u1.name },
        verb: { id: "http://adlnet.gov/expapi/verbs/completed" },
        object: { id: "http://example.org/y" },
      },
      {
        actor: { mbox: `mailto:${uniqueCode("other")}@example.org` },
        verb: { id: "http://adlnet.gov/expapi/verbs/experienced" },
        object: { id: "http://example.org/z" },
        context: { instructor: agent },
      },
    ],
  });
});

describe("eraseAgent", () => {
  it("refuses another institution's officer, an agent, a non-agent role, a person without institution", async () => {
    expect((await refusal(eraseAgent(officerB, { userId: u1.id, reason: "Départ en retraite" }))).code).toBe(
      "FORBIDDEN",
    );
    const agent = await createUserWithRoles({
      institutionId: data.a.id,
      roles: [{ role: "AGENT", institutionId: data.a.id }],
    });
    expect((await refusal(eraseAgent(agent, { userId: u1.id, reason: "Départ en retraite" }))).code).toBe("FORBIDDEN");
    const trainer = await createUserWithRoles({
      institutionId: data.a.id,
      roles: [
        { role: "AGENT", institutionId: data.a.id },
        { role: "TRAINER", institutionId: data.a.id },
      ],
    });
    expect((await refusal(eraseAgent(officerA, { userId: trainer.userId, reason: "Départ" }))).code).toBe("FORBIDDEN");
    expect((await refusal(eraseAgent(officerA, { userId: officerB.userId, reason: "Départ" }))).code).toBe("FORBIDDEN");
    const admin = await createUserWithRoles({ institutionId: null, roles: [{ role: "NATIONAL_ADMIN" }] });
    expect((await refusal(eraseAgent(officerA, { userId: admin.userId, reason: "Départ" }))).code).toBe("FORBIDDEN");
    expect((await refusal(eraseAgent(officerA, { userId: u1.id, reason: "" }))).code).toBe("INVALID");
    // Nothing was changed by the refusals.
    expect(await db.user.findUniqueOrThrow({ where: { id: u1.id }, select: { name: true } })).toEqual({
      name: u1.name,
    });
  });

  it("pseudonymises the agent, keeps indicators, certificates' verification and writes an audit row", async () => {
    const before = await figures();
    expect(await verifyCertificate(code)).toBe("VALID");
    const result = await eraseAgent(officerA, { userId: u1.id, reason: "Départ de l'établissement le 30 juin" });
    expect(result.statements).toBe(3);

    const user = await db.user.findUniqueOrThrow({
      where: { id: u1.id },
      include: { identities: true, memberships: true, notifications: true, surveyResponses: true },
    });
    expect(user.name).toBe(result.pseudonymName);
    expect(user.email).toMatch(/@erased\.relais\.invalid$/);
    expect(user.erasedAt).not.toBeNull();
    expect(user.workplaceLabel).toBeNull();
    expect(user).toMatchObject({ identities: [], memberships: [], notifications: [] });
    expect(user.surveyResponses.every((response) => response.comment === null)).toBe(true);
    expect(await db.xapiDocument.count({ where: { agentIfi: { contains: u1.id } } })).toBe(0);

    const statements = await db.xapiStatement.findMany({
      where: {
        relatedAgents: { hasSome: [`account:${xapiBaseUrl()} ${user.pseudonym}`, `mbox:mailto:${user.email}`] },
      },
    });
    expect(statements).toHaveLength(3);
    for (const row of statements) {
      const text = JSON.stringify(row.statement);
      expect(text).not.toContain(u1.id);
      expect(text).not.toContain(u1.email);
      expect(text).not.toContain("Camille");
    }
    expect(await db.xapiStatement.count({ where: { actorIfi: `account:${xapiBaseUrl()} ${u1.id}` } })).toBe(0);

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "privacy.erase", entityId: u1.id } });
    expect(audit).toMatchObject({ actorId: officerA.userId, institutionId: data.a.id });
    expect(JSON.stringify(audit.data)).not.toContain(u1.email);
    expect(JSON.stringify(audit.data)).toContain("30 juin");

    expect(await figures()).toEqual(before);
    expect(await verifyCertificate(code)).toBe("VALID");
  });

  it("refuses to erase the same agent twice", async () => {
    expect((await refusal(eraseAgent(officerA, { userId: u1.id, reason: "Encore une fois" }))).code).toBe("CONFLICT");
  });
});
