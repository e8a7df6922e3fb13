import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createUserWithRoles, uniqueCode } from "../../testing/fixtures";
import { createAgent, createInstitutionWithCampaign, createTheme } from "../../testing/needs-fixtures";
import { createTranslator } from "../i18n/translate";
import { translateAppError } from "../errors/localized-error";
import type { AppError } from "../errors/app-error";
import { expressNeed } from "./express-need";
import { decideNeed } from "./decide-need";
import { createPlanAction } from "./create-plan-action";
import { getTrainingPlan } from "./get-training-plan";
import { markExternalDone } from "./mark-external-done";
import { loadNeedsFacts } from "../indicators/load-needs-facts";
import { loadCostFacts } from "../indicators/load-cost-facts";

/** Three retained needs of one theme answered by an external training of the plan (3 agents planned). */
async function createExternalFixture() {
  const fixture = await createInstitutionWithCampaign();
  const theme = await createTheme();
  const agents = [];
  for (let index = 0; index < 3; index++) {
    const agent = await createAgent({ institutionId: fixture.institution.id, managerId: fixture.manager.userId });
    const need = await expressNeed(agent, {
      campaignId: fixture.campaign.id,
      title: "Habilitation électrique",
      themeId: theme.id,
      trainingType: "STATUTORY",
      priority: "HIGH",
      justification: "Obligation réglementaire.",
    });
    await decideNeed(fixture.officer, { needId: need.id, decision: "RETAINED" });
    agents.push(agent);
  }
  const { id } = await createPlanAction(fixture.officer, {
    campaignId: fixture.campaign.id,
    themeId: theme.id,
    trainingType: "STATUTORY",
    kind: "EXTERNAL",
    title: "Habilitation B1V (organisme agréé)",
    courseId: "",
    plannedAgents: "3",
    teachingBudget: "1 800",
    venueBudget: "",
    missionBudget: "200",
  });
  return { ...fixture, theme, agents, actionId: id };
}

const fr = createTranslator("fr");
const year = new Date().getUTCFullYear();
const today = new Date().toISOString().slice(0, 10);

describe("external trainings of the plan marked done", () => {
  it("the officer marks it done with who followed it: the plan counts them, their needs are satisfied, its cost is consumed", async () => {
    const context = await createExternalFixture();
    const before = await getTrainingPlan(context.officer, { institutionId: context.institution.id });
    const action = () => before.groups[0]!.actions[0]!;
    expect(action()).toMatchObject({ status: "NOT_STARTED", trainedAgents: 0 });
    expect(
      action()
        .external?.candidates.map((candidate) => candidate.id)
        .sort(),
    ).toEqual(context.agents.map((agent) => agent.userId).sort());
    const [a1, a2] = context.agents;
    await markExternalDone(context.officer, {
      actionId: context.actionId,
      doneOn: today,
      actualCost: "1 950,40",
      participantIds: [a1!.userId, a2!.userId, a2!.userId],
    });
    const plan = await getTrainingPlan(context.officer, { institutionId: context.institution.id });
    const done = plan.groups[0]!.actions[0]!;
    expect(done).toMatchObject({ status: "DONE", trainedAgents: 2 });
    expect(done.external).toMatchObject({ doneOn: today, actualCostCents: 195040 });
    // Realisation: 2 trained of 3 planned.
    expect(plan.totals!.realisationRate).toBeCloseTo(2 / 3, 10);
    const facts = await loadNeedsFacts({ year, institutionIds: [context.institution.id] });
    const satisfied = facts.filter((fact) => fact.isSatisfied).reduce((sum, fact) => sum + fact.needs, 0);
    expect(satisfied).toBe(2);
    const [costs] = await loadCostFacts({ year, institutionIds: [context.institution.id] });
    expect(costs).toMatchObject({ plannedCents: 200000, consumedCents: 195040 });
    // Marking again replaces the participants.
    await markExternalDone(context.officer, {
      actionId: context.actionId,
      doneOn: today,
      actualCost: "1950.40",
      participantIds: [a1!.userId],
    });
    expect(await db.planActionParticipant.count({ where: { actionId: context.actionId } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: context.actionId, action: "needs.plan.externalDone" } })).toBe(
      2,
    );
  });

  it("refuses another institution's officer, agents of another institution, a course action and bad amounts or dates; nothing is written", async () => {
    const context = await createExternalFixture();
    const other = await createInstitutionWithCampaign();
    const outsider = await createAgent({ institutionId: other.institution.id });
    const input = { actionId: context.actionId, doneOn: today, actualCost: "100", participantIds: [] as string[] };
    await expect(markExternalDone(other.officer, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(markExternalDone(context.agents[0]!, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const refusal = async (change: Partial<typeof input>) =>
      translateAppError(
        (await markExternalDone(context.officer, { ...input, ...change }).catch((error: unknown) => error)) as AppError,
        fr,
      );
    expect(await refusal({ participantIds: [outsider.userId] })).toBe(
      "Choisissez des agents de l'établissement (500 au plus).",
    );
    expect(await refusal({ actualCost: "-5" })).toBe(
      "Indiquez le coût réel en euros (0 ou plus, deux décimales au plus).",
    );
    expect(await refusal({ doneOn: "demain" })).toBe("Indiquez la date de fin de la formation.");
    expect(await refusal({ participantIds: Array.from({ length: 501 }, () => randomUUID()) })).toBe(
      "Choisissez des agents de l'établissement (500 au plus).",
    );
    const course = await db.course.create({
      data: {
        slug: uniqueCode("c"),
        institutionId: context.institution.id,
        themeId: context.theme.id,
        trainingType: "STATUTORY",
        modality: "ONLINE",
        versions: { create: { number: 1, status: "PUBLISHED", title: "En ligne", declaredDurationMinutes: 60 } },
      },
    });
    const online = await createPlanAction(context.officer, {
      campaignId: context.campaign.id,
      themeId: context.theme.id,
      trainingType: "STATUTORY",
      kind: "ONLINE_MODULE",
      title: "Module",
      courseId: course.id,
      plannedAgents: "1",
    });
    expect(await refusal({ actionId: online.id })).toBe(
      "Seule une formation externe du plan se marque réalisée ici : les autres actions sont suivies par leurs inscriptions.",
    );
    const action = await db.trainingPlanAction.findUniqueOrThrow({ where: { id: context.actionId } });
    expect(action).toMatchObject({ doneAt: null, actualCostCents: null });
    expect(await db.planActionParticipant.count({ where: { actionId: context.actionId } })).toBe(0);
  });

  it("the plan's year follows the institution's time zone: a completion at 23:30 UTC on 31 December counts in Paris's next year", async () => {
    const fixture = await createInstitutionWithCampaign();
    const theme = await createTheme();
    const campaignYear = 2031;
    const campaign = await db.needsCampaign.create({
      data: {
        institutionId: fixture.institution.id,
        year: campaignYear,
        opensAt: new Date("2031-01-01"),
        closesAt: new Date("2031-02-01"),
      },
    });
    const course = await db.course.create({
      data: {
        slug: uniqueCode("tz"),
        institutionId: fixture.institution.id,
        themeId: theme.id,
        trainingType: "T1_ADAPT_POST",
        modality: "ONLINE",
        versions: { create: { number: 1, status: "PUBLISHED", title: "Fuseau", declaredDurationMinutes: 60 } },
      },
      include: { versions: true },
    });
    await createPlanAction(fixture.officer, {
      campaignId: campaign.id,
      themeId: theme.id,
      trainingType: "T1_ADAPT_POST",
      kind: "ONLINE_MODULE",
      title: "Fuseau",
      courseId: course.id,
      plannedAgents: "2",
    });
    const agent = async (completedAt: string) => {
      const user = await createUserWithRoles({
        institutionId: fixture.institution.id,
        roles: [{ role: "AGENT", institutionId: fixture.institution.id }],
      });
      await db.enrolment.create({
        data: {
          userId: user.userId,
          courseId: course.id,
          courseVersionId: course.versions[0]!.id,
          registration: randomUUID(),
          status: "COMPLETED",
          completedAt: new Date(completedAt),
        },
      });
    };
    // 31 Dec 2030 23:30 UTC = 1 Jan 2031 00:30 in Paris: in the 2031 plan (a UTC year would leave it
    // out and find 1); 1 June 2031 is in it either way.
    await agent("2030-12-31T23:30:00Z");
    await agent("2031-06-01T10:00:00Z");
    const plan = await getTrainingPlan(fixture.officer, { institutionId: fixture.institution.id, year: campaignYear });
    expect(plan.groups[0]!.actions[0]!.trainedAgents).toBe(2);
  });
});
