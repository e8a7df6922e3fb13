import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createInstitution, createUserWithRoles, uniqueCode } from "../../testing/fixtures";
import { importHeadcounts } from "./import-headcounts";
import { importStaff } from "./import-staff";
import { translateLineError } from "./translate-line-error";
import { createTranslator } from "../i18n/translate";

const utf8 = (text: string) => new TextEncoder().encode(text);
/** "Catégorie" saved by a spreadsheet in Windows-1252: é is the single byte 0xE9. */
const latin1 = (text: string) => Uint8Array.from([...text].map((char) => char.charCodeAt(0)));

async function officerWithInstitution() {
  const institution = await createInstitution();
  const officer = await createUserWithRoles({
    institutionId: institution.id,
    roles: [{ role: "TRAINING_OFFICER", institutionId: institution.id }],
  });
  return { institution, officer };
}

const HEADCOUNTS =
  "annee;categorie;population;sexe;effectif\n2026;A;TEACHING_RESEARCH;FEMALE;120\n2026;B;ADMIN_TECHNICAL;MALE;80\n";

describe("headcount import (real database)", () => {
  it("previews without writing, then imports; a re-import updates instead of duplicating", async () => {
    const { institution, officer } = await officerWithInstitution();
    const preview = await importHeadcounts(officer, {
      institutionId: institution.id,
      bytes: utf8(HEADCOUNTS),
      isDryRun: true,
    });
    expect(preview).toMatchObject({ errors: [], isImported: false });
    expect(preview.rows).toHaveLength(2);
    expect(await db.headcount.count({ where: { institutionId: institution.id } })).toBe(0);

    expect(
      await importHeadcounts(officer, { institutionId: institution.id, bytes: utf8(HEADCOUNTS), isDryRun: false }),
    ).toMatchObject({ created: 2, updated: 0, isImported: true });
    const again =
      "year,category,population,sex,count\n2026,A,TEACHING_RESEARCH,FEMALE,150\n2026,C,CONTRACT,NOT_RECORDED,10\n";
    expect(
      await importHeadcounts(officer, { institutionId: institution.id, bytes: utf8(again), isDryRun: false }),
    ).toMatchObject({ created: 1, updated: 1 });
    const rows = await db.headcount.findMany({
      where: { institutionId: institution.id },
      orderBy: { staffCategory: "asc" },
    });
    expect(rows.map((row) => [row.staffCategory, row.count])).toEqual([
      ["A", 150],
      ["B", 80],
      ["C", 10],
    ]);
    expect(await db.auditLog.count({ where: { entityId: institution.id, action: "headcount.imported" } })).toBe(2);
  });

  it("one bad line: every problem is listed by line and nothing is imported", async () => {
    const { institution, officer } = await officerWithInstitution();
    const bad =
      "annee;categorie;population;sexe;effectif\n2026;A;TEACHING_RESEARCH;FEMALE;120\n2026;D;ADMIN_TECHNICAL;MALE;80\n2026;A;TEACHING_RESEARCH;FEMALE;3\n2026;B;CONTRACT;MALE;-4\n2026;B;CONTRACT\n";
    const result = await importHeadcounts(officer, {
      institutionId: institution.id,
      bytes: utf8(bad),
      isDryRun: false,
    });
    expect(result.isImported).toBe(false);
    expect(result.errors).toMatchObject([
      { line: 3, message: "categorie must be A, B or C" },
      { line: 4, message: "Same year, category, population and sex as line 2." },
      { line: 5, message: "effectif must not be negative" },
      { line: 6, message: 'Expected 5 values separated by ";", found 3.' },
    ]);
    // The reader sees each problem in their language.
    const [fr, en] = [createTranslator("fr"), createTranslator("en")];
    expect(result.errors.map((error) => translateLineError(error, fr).message)).toEqual([
      "La colonne categorie doit valoir A, B ou C.",
      "Même année, catégorie, population et sexe que la ligne 2.",
      "La colonne effectif ne peut pas être négative.",
      "5 valeurs séparées par « ; » attendues, 3 trouvées.",
    ]);
    expect(translateLineError(result.errors[0]!, en).message).toBe("The categorie column must be A, B or C.");
    expect(await db.headcount.count({ where: { institutionId: institution.id } })).toBe(0);
  });

  it("names encoding, separator and missing-column problems", async () => {
    const { institution, officer } = await officerWithInstitution();
    const run = (bytes: Uint8Array) =>
      importHeadcounts(officer, { institutionId: institution.id, bytes, isDryRun: true });
    expect((await run(latin1("annee;catégorie;population;sexe;effectif\n"))).errors[0]).toMatchObject({
      line: 1,
      message: expect.stringContaining("not UTF-8"),
    });
    expect(
      (await run(utf8("annee|categorie|population|sexe|effectif\n2026|A|CONTRACT|MALE|3\n"))).errors[0]!.message,
    ).toMatch(/No separator recognised/);
    expect((await run(utf8("annee;categorie;sexe\n2026;A;MALE\n"))).errors[0]).toMatchObject({
      line: 1,
      message: "Missing column(s): population, effectif.",
    });
  });

  it("an officer cannot import another institution's headcounts; an agent cannot import", async () => {
    const { officer } = await officerWithInstitution();
    const other = await createInstitution();
    await expect(
      importHeadcounts(officer, { institutionId: other.id, bytes: utf8(HEADCOUNTS), isDryRun: false }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const agent = await createUserWithRoles({
      institutionId: other.id,
      roles: [{ role: "AGENT", institutionId: other.id }],
    });
    await expect(
      importHeadcounts(agent, { institutionId: other.id, bytes: utf8(HEADCOUNTS), isDryRun: false }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.headcount.count({ where: { institutionId: other.id } })).toBe(0);
  });

  it("refuses a file over 2 MB", async () => {
    const { institution, officer } = await officerWithInstitution();
    await expect(
      importHeadcounts(officer, {
        institutionId: institution.id,
        bytes: new Uint8Array(2 * 1024 * 1024 + 1),
        isDryRun: true,
      }),
    ).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });
});

describe("staff import (real database)", () => {
  it("creates agents with managers, then a re-import updates them", async () => {
    const { institution, officer } = await officerWithInstitution();
    const [boss, agent] = [`${uniqueCode("boss")}@test.relais`, `${uniqueCode("agent")}@test.relais`];
    const csv = `email;nom;categorie;population;sexe;responsable;lieu_de_travail;latitude;longitude\n${agent};Agent Un;B;ADMIN_TECHNICAL;FEMALE;${boss};Campus;45.19;5.77\n${boss};Cheffe;A;TEACHING_RESEARCH;;;;;\n`;
    expect(
      await importStaff(officer, { institutionId: institution.id, bytes: utf8(csv), isDryRun: false }),
    ).toMatchObject({ errors: [], created: 2, updated: 0 });
    const created = await db.user.findUniqueOrThrow({
      where: { email: agent },
      include: { manager: true, memberships: true },
    });
    expect(created).toMatchObject({
      institutionId: institution.id,
      staffCategory: "B",
      sex: "FEMALE",
      workplaceLat: 45.19,
      manager: { email: boss },
    });
    expect(created.memberships).toMatchObject([{ role: "AGENT", institutionId: institution.id }]);

    const renamed = csv.replace("Agent Un", "Agent Renommé").replace(";B;", ";C;");
    expect(
      await importStaff(officer, { institutionId: institution.id, bytes: utf8(renamed), isDryRun: false }),
    ).toMatchObject({ created: 0, updated: 2 });
    expect(await db.user.count({ where: { institutionId: institution.id } })).toBe(3); // officer + 2
    expect(await db.roleMembership.count({ where: { user: { email: agent } } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { email: agent } })).staffCategory).toBe("C");
  });

  it("duplicate e-mails, unknown categories, unknown managers and other institutions' agents: nothing imported", async () => {
    const { institution, officer } = await officerWithInstitution();
    const other = await createInstitution();
    const stranger = await createUserWithRoles({
      institutionId: other.id,
      roles: [{ role: "AGENT", institutionId: other.id }],
    });
    const email = `${uniqueCode("dup")}@test.relais`;
    const csv = [
      "email,nom,categorie,population",
      `${email},Un,A,CONTRACT`,
      `${email.toUpperCase()},Deux,A,CONTRACT`,
      `x-${email},Trois,Z,CONTRACT`,
      `not-an-email,Quatre,A,CONTRACT`,
      `${stranger.email},Cinq,A,CONTRACT`,
    ].join("\n");
    const result = await importStaff(officer, { institutionId: institution.id, bytes: utf8(csv), isDryRun: false });
    expect(result.isImported).toBe(false);
    expect(result.errors.map((error) => error.line)).toEqual([3, 4, 5, 6]);
    expect(result.errors[0]!.message).toContain("Duplicate e-mail");
    expect(result.errors[1]!.message).toBe("categorie must be A, B or C");
    expect(result.errors[3]!.message).toContain("belongs to another institution");
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: stranger.userId } })).institutionId).toBe(other.id);
  });
});
