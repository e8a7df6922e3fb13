import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createPlanAction } from "./create-plan-action";
import { deletePlanAction } from "./delete-plan-action";
import { getTrainingPlan } from "./get-training-plan";
import { exportTrainingPlan } from "./export-training-plan";
import { planActionStatus, planRealisationRate } from "./plan-action-status";
import {
  createAgent,
  createDecidedNeed,
  createInstitutionWithCampaign,
  createTheme,
} from "../../testing/needs-fixtures";
import { uniqueCode } from "../../testing/fixtures";

async function createOnlineCourse(options: { institutionId: string; themeId: string; isNational?: boolean }) {
  return db.course.create({
    data: {
      slug: uniqueCode("plan"),
      institutionId: options.institutionId,
      themeId: options.themeId,
      trainingType: "T1_ADAPT_POST",
      modality: "ONLINE",
      visibility: options.isNational === false ? "INSTITUTION" : "NATIONAL",
      versions: { create: { number: 1, status: "PUBLISHED", title: "Quản lý dự án", declaredDurationMinutes: 120 } },
    },
    include: { versions: true },
  });
}

async function enrol(options: {
  userId: string;
  course: Awaited<ReturnType<typeof createOnlineCourse>>;
  status: "ACTIVE" | "COMPLETED";
}) {
  return db.enrolment.create({
    data: {
      userId: options.userId,
      courseId: options.course.id,
      courseVersionId: options.course.versions[0]!.id,
      registration: randomUUID(),
      status: options.status,
      completedAt: options.status === "COMPLETED" ? new Date() : null,
    },
  });
}

/** An institution whose campaign has three needs on one theme (T1): two retained, one refused. */
async function createPlanFixture() {
  const fixture = await createInstitutionWithCampaign();
  const theme = await createTheme();
  const course = await createOnlineCourse({ institutionId: fixture.institution.id, themeId: theme.id });
  const agents = [];
  for (const decision of ["RETAINED", "RETAINED", "REFUSED"] as const) {
    const agent = await createAgent({ institutionId: fixture.institution.id, managerId: fixture.manager.userId });
    await createDecidedNeed({
      agent,
      campaignId: fixture.campaign.id,
      officer: fixture.officer,
      themeId: theme.id,
      decision,
    });
    agents.push(agent);
  }
  const input = {
    campaignId: fixture.campaign.id,
    themeId: theme.id,
    trainingType: "T1_ADAPT_POST" as const,
    kind: "ONLINE_MODULE" as const,
    title: "Parcours « gestion de projet » — Łódź",
    courseId: course.id,
    plannedAgents: "2",
    teachingBudget: "1 200,50",
    venueBudget: "300",
    missionBudget: "",
  };
  return { ...fixture, theme, course, agents, input };
}

describe("the institution's training plan (real database)", () => {
  it("status and realisation rule on hand-computed cases", () => {
    expect(
      planActionStatus({ hasCourse: false, plannedAgents: 3, trainedAgents: 5, ongoingAgents: 0, sessions: 0 }),
    ).toBe("NOT_STARTED");
    expect(
      planActionStatus({
        hasCourse: false,
        plannedAgents: 3,
        trainedAgents: 1,
        ongoingAgents: 0,
        sessions: 0,
        isExternalDone: true,
      }),
    ).toBe("DONE");
    expect(
      planActionStatus({ hasCourse: true, plannedAgents: 3, trainedAgents: 3, ongoingAgents: 0, sessions: 0 }),
    ).toBe("DONE");
    expect(
      planActionStatus({ hasCourse: true, plannedAgents: 3, trainedAgents: 0, ongoingAgents: 0, sessions: 1 }),
    ).toBe("IN_PROGRESS");
    expect(
      planActionStatus({ hasCourse: true, plannedAgents: 3, trainedAgents: 0, ongoingAgents: 0, sessions: 0 }),
    ).toBe("NOT_STARTED");
    // Capped per action: 5 trained for 2 planned counts 2, and 1 of 4 counts 1 → 3 / 6.
    expect(
      planRealisationRate([
        { plannedAgents: 2, trainedAgents: 5 },
        { plannedAgents: 4, trainedAgents: 1 },
      ]),
    ).toBeCloseTo(0.5);
    expect(planRealisationRate([])).toBeNull();
  });

  it("an officer plans an action: the group's retained needs attach to it, the budget is in cents, an audit row is written", async () => {
    const { institution, officer, campaign, theme, input } = await createPlanFixture();
    const result = await createPlanAction(officer, input);
    expect(result.attachedNeeds).toBe(2);
    const action = await db.trainingPlanAction.findUniqueOrThrow({ where: { id: result.id } });
    expect([action.teachingBudgetCents, action.venueBudgetCents, action.missionBudgetCents]).toEqual([
      120050, 30000, 0,
    ]);
    expect(await db.auditLog.count({ where: { entityId: result.id, action: "needs.plan.actionCreated" } })).toBe(1);
    const plan = await getTrainingPlan(officer, { institutionId: institution.id, year: campaign.year });
    expect(plan.groups).toHaveLength(1);
    const [group] = plan.groups;
    expect(group).toMatchObject({ themeId: theme.id, retainedNeeds: 2, agents: 2, unplannedNeeds: 0 });
    expect(group!.actions[0]).toMatchObject({ plannedAgents: 2, trainedAgents: 0, status: "NOT_STARTED", needs: 2 });
    expect(plan.totals).toMatchObject({ budgetCents: 150050, plannedAgents: 2, realisationRate: 0 });
  });

  it("execution comes from real enrolments: one completed and one active → in progress, 50 %; both completed → done; another institution's agent never counts", async () => {
    const { institution, officer, campaign, course, agents, input } = await createPlanFixture();
    await createPlanAction(officer, input);
    const outsider = await createInstitutionWithCampaign();
    const stranger = await createAgent({ institutionId: outsider.institution.id });
    await enrol({ userId: stranger.userId, course, status: "COMPLETED" });
    await enrol({ userId: agents[0]!.userId, course, status: "COMPLETED" });
    const second = await enrol({ userId: agents[1]!.userId, course, status: "ACTIVE" });
    let plan = await getTrainingPlan(officer, { institutionId: institution.id, year: campaign.year });
    expect(plan.groups[0]!.actions[0]).toMatchObject({ trainedAgents: 1, ongoingAgents: 1, status: "IN_PROGRESS" });
    expect(plan.totals!.realisationRate).toBeCloseTo(0.5);
    await db.enrolment.update({ where: { id: second.id }, data: { status: "COMPLETED", completedAt: new Date() } });
    plan = await getTrainingPlan(officer, { institutionId: institution.id, year: campaign.year });
    expect(plan.groups[0]!.actions[0]).toMatchObject({ trainedAgents: 2, ongoingAgents: 0, status: "DONE" });
    expect(plan.totals!.byStatus.DONE).toBe(1);
    expect(plan.totals!.realisationRate).toBe(1);
  });

  it("another institution's officer can neither read, plan nor remove; another institution's private course is refused", async () => {
    const { institution, officer, input } = await createPlanFixture();
    const other = await createInstitutionWithCampaign();
    await expect(getTrainingPlan(other.officer, { institutionId: institution.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(createPlanAction(other.officer, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      exportTrainingPlan(other.officer, { institutionId: institution.id, format: "pdf", locale: "fr" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { id } = await createPlanAction(officer, input);
    await expect(deletePlanAction(other.officer, { actionId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      createPlanAction(officer, {
        ...input,
        courseId: (
          await createOnlineCourse({ institutionId: other.institution.id, themeId: input.themeId, isNational: false })
        ).id,
      }),
    ).rejects.toMatchObject({ code: "INVALID", details: { messageKey: "needs.errors.field.courseId" } });
    expect(await db.trainingPlanAction.count({ where: { campaignId: input.campaignId } })).toBe(1);
  });

  it("bad input is refused field by field and writes nothing; removing an action returns its needs to the group", async () => {
    const { institution, officer, input } = await createPlanFixture();
    const cases: [Record<string, string>, string][] = [
      [{ plannedAgents: "0" }, "needs.errors.field.plannedAgents"],
      [{ teachingBudget: "-5" }, "needs.errors.field.teachingBudget"],
      [{ missionBudget: "beaucoup" }, "needs.errors.field.missionBudget"],
      // More than a PostgreSQL integer holds in cents, and a third decimal, are refused, never a 500 or rounded.
      [{ venueBudget: "50 000 000" }, "needs.errors.field.venueBudget"],
      [{ teachingBudget: "12,345" }, "needs.errors.field.teachingBudget"],
      [{ title: "a\u0000b" }, "needs.errors.field.title"],
      [{ title: "x".repeat(301) }, "needs.errors.field.title"],
      [{ kind: "CRUISE" }, "needs.errors.field.kind"],
      [{ kind: "ONLINE_MODULE", courseId: "" }, "needs.errors.field.courseId"],
    ];
    for (const [change, messageKey] of cases)
      await expect(createPlanAction(officer, { ...input, ...change } as typeof input)).rejects.toMatchObject({
        code: "INVALID",
        details: { messageKey },
      });
    expect(await db.trainingPlanAction.count({ where: { campaignId: input.campaignId } })).toBe(0);
    const { id } = await createPlanAction(officer, { ...input, kind: "EXTERNAL", courseId: "" });
    await deletePlanAction(officer, { actionId: id });
    await expect(deletePlanAction(officer, { actionId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const plan = await getTrainingPlan(officer, { institutionId: institution.id });
    expect(plan.groups[0]).toMatchObject({ unplannedNeeds: 2, actions: [] });
    expect(await db.auditLog.count({ where: { entityId: id, action: "needs.plan.actionDeleted" } })).toBe(1);
  });

  it("the XLSX and PDF exports hold the plan in the reader's language, Unicode titles and figures included", async () => {
    const { institution, officer, campaign, input } = await createPlanFixture();
    await createPlanAction(officer, input);
    const dir = mkdtempSync(path.join(tmpdir(), "plan-"));
    for (const locale of ["fr", "en"] as const) {
      const xlsx = await exportTrainingPlan(officer, { institutionId: institution.id, format: "xlsx", locale });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(xlsx.body) as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      const values = sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.slice(1) : []));
      expect(values).toContain(input.title);
      expect(values).toContain(1200.5);
      expect(values).toContain(locale === "fr" ? "Module en ligne" : "Online module");
      expect(String(values[0])).toBe(
        locale === "fr"
          ? `Plan de formation ${campaign.year} — ${institution.name}`
          : `Training plan ${campaign.year} — ${institution.name}`,
      );
      const pdf = await exportTrainingPlan(officer, { institutionId: institution.id, format: "pdf", locale });
      const file = path.join(dir, `plan-${locale}.pdf`);
      writeFileSync(file, pdf.body);
      const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
      expect(text).toContain("Łódź");
      expect(text).toContain(locale === "fr" ? "Budget prévu : 1 500,50 €" : "Planned budget: €1,500.50");
      expect(text.replace(/\s+/g, " ")).toContain(locale === "fr" ? "Non commencée" : "Not started");
      expect(pdf.filename).toBe(`${locale === "fr" ? "plan-de-formation" : "training-plan"}-${campaign.year}.pdf`);
    }
  });
});
