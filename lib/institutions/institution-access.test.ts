import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";
import { getInstitutionOverview } from "./get-institution-overview";
import { updateInstitutionSettings } from "./update-institution-settings";

async function twoInstitutionsWithOfficers() {
  const [a, b] = [await createInstitution(), await createInstitution()];
  const officerA = await createUserWithRoles({
    institutionId: a.id,
    roles: [{ role: "TRAINING_OFFICER", institutionId: a.id }],
  });
  const agentA = await createUserWithRoles({ institutionId: a.id, roles: [{ role: "AGENT", institutionId: a.id }] });
  return { a, b, officerA, agentA };
}

describe("institution data across institutions (real database)", () => {
  it("a training officer reads their own institution's figures", async () => {
    const { a, officerA } = await twoInstitutionsWithOfficers();
    const overview = await getInstitutionOverview(officerA, a.id);
    expect(overview.institution.code).toBe(a.code);
    expect(overview.figures.agents).toBe(2);
  });

  it("a training officer cannot read another institution", async () => {
    const { b, officerA } = await twoInstitutionsWithOfficers();
    await expect(getInstitutionOverview(officerA, b.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a training officer cannot change another institution, and nothing is written", async () => {
    const { b, officerA } = await twoInstitutionsWithOfficers();
    await expect(
      updateInstitutionSettings(officerA, { institutionId: b.id, timeZone: "Europe/London" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.institution.findUniqueOrThrow({ where: { id: b.id } })).timeZone).toBe("Europe/Paris");
    expect(await db.auditLog.count({ where: { entityId: b.id } })).toBe(0);
  });

  it("an agent cannot read their own institution's overview", async () => {
    const { a, agentA } = await twoInstitutionsWithOfficers();
    await expect(getInstitutionOverview(agentA, a.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a change by the right officer is saved with its audit row", async () => {
    const { a, officerA } = await twoInstitutionsWithOfficers();
    await updateInstitutionSettings(officerA, { institutionId: a.id, timeZone: "America/Cayenne" });
    expect((await db.institution.findUniqueOrThrow({ where: { id: a.id } })).timeZone).toBe("America/Cayenne");
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: a.id } });
    expect(audit).toMatchObject({ actorId: officerA.userId, action: "institution.settings.updated" });
  });

  it("an invalid time zone is refused with a message naming it", async () => {
    const { a, officerA } = await twoInstitutionsWithOfficers();
    await expect(
      updateInstitutionSettings(officerA, { institutionId: a.id, timeZone: "Mars/Olympus" }),
    ).rejects.toMatchObject({
      code: "INVALID",
      userMessage: expect.stringContaining("Mars/Olympus"),
    });
  });

  it("a national administrator reads every institution", async () => {
    const { a, b } = await twoInstitutionsWithOfficers();
    const admin = await createUserWithRoles({ roles: [{ role: "NATIONAL_ADMIN" }] });
    await expect(getInstitutionOverview(admin, a.id)).resolves.toBeTruthy();
    await expect(getInstitutionOverview(admin, b.id)).resolves.toBeTruthy();
  });
});
