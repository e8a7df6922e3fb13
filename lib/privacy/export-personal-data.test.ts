import { describe, expect, it } from "vitest";
import JSZip from "jszip";
import { db } from "../db";
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";
import { storeStatements } from "../lrs/store-statements";
import { projectStatements } from "../learning/project-statements";
import { xapiAgentForUser } from "../lrs/xapi-identifiers";
import type { TActor } from "../auth/permissions";
import { exportPersonalData } from "./export-personal-data";

async function unzip(stream: ReadableStream<Uint8Array>): Promise<JSZip> {
  const bytes = Buffer.from(await new Response(stream).arrayBuffer());
  return JSZip.loadAsync(bytes);
}

async function readJson(zip: JSZip, name: string): Promise<unknown> {
  const file = zip.file(name);
  expect(file, name).not.toBeNull();
  return JSON.parse(await file!.async("string")) as unknown;
}

async function agentWithData(institutionId: string, statements: number): Promise<TActor> {
  const actor = await createUserWithRoles({ institutionId, roles: [{ role: "AGENT", institutionId }] });
  await db.notification.create({
    data: { userId: actor.userId, kind: "test", title: `Pour ${actor.email}`, body: "" },
  });
  const agent = xapiAgentForUser({ id: actor.userId, name: actor.name });
  const all = Array.from({ length: statements }, (_, index) => ({
    actor: agent,
    verb: { id: "http://adlnet.gov/expapi/verbs/experienced" },
    object: { id: `http://example.org/export/${index}` },
  }));
  for (let start = 0; start < all.length; start += 500)
    await storeStatements({
      credentials: { kind: "relais" },
      project: projectStatements,
      statements: all.slice(start, start + 500),
    });
  return actor;
}

describe("exportPersonalData", () => {
  it("streams one archive of the actor's own data, statements paged, README in their language", async () => {
    const institution = await createInstitution();
    const me = await agentWithData(institution.id, 1_234);
    const other = await agentWithData(institution.id, 3);

    const { fileName, stream } = await exportPersonalData(me, { locale: "fr", now: new Date("2026-12-01T10:00:00Z") });
    expect(fileName).toBe("relais-mes-donnees-2026-12-01.zip");
    const zip = await unzip(stream);
    expect(Object.keys(zip.files).sort()).toEqual(
      [
        "README.md",
        "activity-log.json",
        "attendance.json",
        "certificates.json",
        "enrolments.json",
        "memberships.json",
        "notifications.json",
        "profile.json",
        "registrations.json",
        "statements.json",
        "survey-responses.json",
        "xapi-documents.json",
      ].sort(),
    );
    const readme = await zip.file("README.md")!.async("string");
    expect(readme).toContain("Vos données personnelles dans Relais");
    expect(readme).toContain("statements.json");
    expect(await readJson(zip, "profile.json")).toMatchObject({ id: me.userId, email: me.email });
    expect(await readJson(zip, "memberships.json")).toEqual([expect.objectContaining({ role: "AGENT" })]);
    const notifications = (await readJson(zip, "notifications.json")) as { userId: string }[];
    expect(notifications.map((row) => row.userId)).toEqual([me.userId]);
    const statements = (await readJson(zip, "statements.json")) as { actor: { account: { name: string } } }[];
    expect(statements).toHaveLength(1_234);
    expect(statements.every((statement) => statement.actor.account.name === me.userId)).toBe(true);

    const whole = await Promise.all(Object.values(zip.files).map((file) => file.async("string")));
    expect(whole.join("\n")).not.toContain(other.userId);
    expect(whole.join("\n")).not.toContain(other.email);
  });

  it("writes the README in English for an English-speaking person", async () => {
    const institution = await createInstitution();
    const me = await agentWithData(institution.id, 1);
    const { fileName, stream } = await exportPersonalData(me, { locale: "en" });
    expect(fileName).toMatch(/^relais-my-data-\d{4}-\d{2}-\d{2}\.zip$/);
    const readme = await (await unzip(stream)).file("README.md")!.async("string");
    expect(readme).toContain("Your personal data in Relais");
  });
});
