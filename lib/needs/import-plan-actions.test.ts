import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createTranslator } from "../i18n/translate";
import { importResultState } from "../imports/import-result-state";
import { importPlanActions, MAX_PLAN_LINES } from "./import-plan-actions";
import { planLinePreview } from "./plan-line-preview";
import {
  createAgent,
  createDecidedNeed,
  createInstitutionWithCampaign,
  createTheme,
} from "../../testing/needs-fixtures";
import { createInstitution, createUserWithRoles, uniqueCode } from "../../testing/fixtures";

const csv = (text: string) => new TextEncoder().encode(text);
const YEAR = new Date().getUTCFullYear();
const HEADER = "theme;type;nature;intitule;formation;agents_prevus;budget_pedagogique;locaux;frais_mission";

/** An institution with a retained T1 need on a theme, its own course and another institution's private one. */
async function createFixture() {
  const fixture = await createInstitutionWithCampaign();
  const code = uniqueCode("TH");
  const theme = await db.theme.create({ data: { code, nameFr: `Achats ${code}`, nameEn: `Purchasing ${code}` } });
  const course = await db.course.create({
    data: {
      slug: uniqueCode("own"),
      institutionId: fixture.institution.id,
      themeId: theme.id,
      trainingType: "T1_ADAPT_POST",
      modality: "ONLINE",
      visibility: "INSTITUTION",
      versions: { create: { number: 1, status: "PUBLISHED", title: "Cours", declaredDurationMinutes: 60 } },
    },
  });
  const elsewhere = await createInstitution();
  const privateCourse = await db.course.create({
    data: {
      slug: uniqueCode("private"),
      institutionId: elsewhere.id,
      themeId: theme.id,
      trainingType: "T1_ADAPT_POST",
      modality: "ONLINE",
      visibility: "INSTITUTION",
      versions: { create: { number: 1, status: "PUBLISHED", title: "Privé", declaredDurationMinutes: 60 } },
    },
  });
  const agent = await createAgent({ institutionId: fixture.institution.id, managerId: fixture.manager.userId });
  const need = await createDecidedNeed({
    agent,
    campaignId: fixture.campaign.id,
    officer: fixture.officer,
    themeId: theme.id,
    decision: "RETAINED",
  });
  return { ...fixture, theme, course, privateCourse, need };
}

describe("importing a training plan from CSV (real database)", () => {
  it("previews, then writes every action with its needs attached, budgets in cents and an audit row", async () => {
    const { institution, officer, theme, course, need, campaign } = await createFixture();
    const file = csv(
      [
        HEADER,
        `${theme.code};T1;MODULE;"Parcours « projet » ; Łódź";${course.slug};12;"1 200,50";300;`,
        `${theme.nameFr.toUpperCase()};T3_QUALIFICATION;externe;Master à l'université;;2;8000;;150.5`,
        `${theme.code};T1;MODULE;Deuxième module du même groupe;${course.slug};4;;;`,
      ].join("\n"),
    );
    const preview = await importPlanActions(officer, {
      institutionId: institution.id,
      year: YEAR,
      bytes: file,
      isDryRun: true,
    });
    expect(preview).toMatchObject({ errors: [], isImported: false, created: 0 });
    expect(preview.rows.map((row) => [row.type, row.nature, row.intitule, row.budget_pedagogique])).toEqual([
      ["T1_ADAPT_POST", "ONLINE_MODULE", "Parcours « projet » ; Łódź", 1200.5],
      ["T3_QUALIFICATION", "EXTERNAL", "Master à l'université", 8000],
      ["T1_ADAPT_POST", "ONLINE_MODULE", "Deuxième module du même groupe", 0],
    ]);
    expect(await db.trainingPlanAction.count({ where: { campaignId: campaign.id } })).toBe(0);
    expect(preview.rows.map((row) => row.theme)).toEqual([theme.code, theme.code, theme.code]);
    // The preview says what was understood, in words and in the reader's format, never an enum.
    const spaced = (row: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(row).map(([key, value]) => [key, String(value).replace(/\s/g, " ")]));
    expect(spaced(planLinePreview(preview.rows[0]!, createTranslator("fr"), "fr"))).toMatchObject({
      type: "T1 — adaptation au poste",
      nature: "Module en ligne",
      agents_prevus: "12",
      budget_pedagogique: "1 200,50 €",
      frais_mission: "0,00 €",
    });
    expect(spaced(planLinePreview(preview.rows[1]!, createTranslator("en"), "en"))).toMatchObject({
      nature: "External training",
      budget_pedagogique: "€8,000.00",
    });

    const result = await importPlanActions(officer, {
      institutionId: institution.id,
      year: YEAR,
      bytes: file,
      isDryRun: false,
    });
    expect(result).toMatchObject({ isImported: true, created: 3 });
    const actions = await db.trainingPlanAction.findMany({
      where: { campaignId: campaign.id },
      orderBy: { title: "desc" },
    });
    expect(
      actions.map((action) => [
        action.kind,
        action.courseId,
        action.plannedAgents,
        action.teachingBudgetCents,
        action.venueBudgetCents,
        action.missionBudgetCents,
      ]),
    ).toEqual([
      ["ONLINE_MODULE", course.id, 12, 120050, 30000, 0],
      ["EXTERNAL", null, 2, 800000, 0, 15050],
      ["ONLINE_MODULE", course.id, 4, 0, 0, 0],
    ]);
    // The retained T1 need of the theme is answered by the group's first T1 action, as when planned one by one.
    expect((await db.trainingNeed.findUniqueOrThrow({ where: { id: need.id } })).planActionId).toBe(actions[0]!.id);
    expect(await db.auditLog.count({ where: { action: "needs.plan.imported", entityId: campaign.id } })).toBe(1);
    const audits = await db.auditLog.findMany({
      where: { action: "needs.plan.actionCreated", institutionId: institution.id },
    });
    const attachedByAction = new Map(audits.map((audit) => [audit.entityId, (audit.data as { needs: number }).needs]));
    expect(actions.map((action) => attachedByAction.get(action.id))).toEqual([1, 0, 0]);
  });

  it("names every bad line in the reader's language and writes nothing", async () => {
    const { institution, officer, theme, course, privateCourse, campaign } = await createFixture();
    // Three themes called "Thème" (as every fixture theme is): that name names none of them.
    for (let index = 0; index < 3; index++) await createTheme();
    const file = csv(
      [
        HEADER,
        `${theme.code};T1;MODULE;Bonne ligne;${course.slug};3;;;`,
        `INCONNU;T9;VOYAGE;;${course.slug};0;abc;;`,
        `${theme.code};T2;SESSIONS;Sans formation;;3;;;`,
        `${theme.code};T2;EXTERNE;Externe avec formation;${course.slug};3;;;`,
        `${theme.code};T2;MODULE;Formation d'ailleurs;${privateCourse.slug};3;-5;;`,
        `Thème;T2;EXTERNE;Nom partagé;;3;;;`,
        `${theme.code};T2;EXTERNE;Trop cher;;3;;"25 000 000";12,345`,
      ].join("\n"),
    );
    const result = await importPlanActions(officer, {
      institutionId: institution.id,
      year: YEAR,
      bytes: file,
      isDryRun: false,
    });
    expect(result.isImported).toBe(false);
    expect(result.errors.map((error) => [error.line, error.messageKey])).toEqual([
      [3, "indicators.imports.lines.themeUnknown"],
      [3, "indicators.imports.lines.trainingTypeInvalid"],
      [3, "indicators.imports.lines.planKindInvalid"],
      [3, "indicators.imports.lines.titleEmpty"],
      [3, "indicators.imports.lines.plannedAgentsInvalid"],
      [3, "indicators.imports.lines.amountInvalid"],
      [4, "indicators.imports.lines.courseRequired"],
      [5, "indicators.imports.lines.courseForExternal"],
      [6, "indicators.imports.lines.courseUnknown"],
      [6, "indicators.imports.lines.amountInvalid"],
      [7, "indicators.imports.lines.themeAmbiguous"],
      [8, "indicators.imports.lines.amountInvalid"],
      [8, "indicators.imports.lines.amountInvalid"],
    ]);
    expect(await db.trainingPlanAction.count({ where: { campaignId: campaign.id } })).toBe(0);
    // As the form shows them: French, no column name left raw where a sentence says it.
    const state = importResultState(result, createTranslator("fr"));
    expect(state.status).toBe("errors");
    const messages = state.status === "errors" ? state.errors.map((error) => error.message) : [];
    expect(messages).toContain("Le thème INCONNU n'est ni le code ni le nom d'un thème.");
    expect(messages).toContain(
      `La formation ${privateCourse.slug} n'est ni une formation de l'établissement ni du catalogue national.`,
    );
    expect(messages).toContain(
      "La colonne budget_pedagogique doit être un montant en euros de 0 à 10\u202f000\u202f000, avec au plus deux décimales.",
    );
  });

  it("refuses another institution's officer, a year without campaign, a file of too many lines and NUL bytes", async () => {
    const { institution, theme, course } = await createFixture();
    const other = await createInstitutionWithCampaign();
    const line = `${theme.code};T1;MODULE;Action;${course.slug};3;;;`;
    await expect(
      importPlanActions(other.officer, {
        institutionId: institution.id,
        year: YEAR,
        bytes: csv(`${HEADER}\n${line}`),
        isDryRun: false,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const officer = await createUserWithRoles({
      institutionId: institution.id,
      roles: [{ role: "TRAINING_OFFICER", institutionId: institution.id }],
    });
    await expect(
      importPlanActions(officer, {
        institutionId: institution.id,
        year: YEAR - 5,
        bytes: csv(`${HEADER}\n${line}`),
        isDryRun: false,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const many = [HEADER, ...Array.from({ length: MAX_PLAN_LINES + 1 }, () => line)].join("\n");
    const tooMany = await importPlanActions(officer, {
      institutionId: institution.id,
      year: YEAR,
      bytes: csv(many),
      isDryRun: false,
    });
    expect(tooMany.errors.map((error) => error.messageKey)).toEqual(["indicators.imports.lines.tooManyLines"]);
    const nul = await importPlanActions(officer, {
      institutionId: institution.id,
      year: YEAR,
      bytes: csv(`${HEADER}\n${theme.code};T1;MODULE;Act\u0000ion;${course.slug};3;;;`),
      isDryRun: false,
    });
    expect(nul.errors.map((error) => error.messageKey)).toEqual(["indicators.imports.lines.nul"]);
    expect(await db.trainingPlanAction.count({ where: { institutionId: institution.id } })).toBe(0);
  });
});
