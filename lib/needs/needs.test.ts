import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createTranslator } from "../i18n/translate";
import { localizeAppError } from "../sessions/localize-app-error";
import { createUserWithRoles } from "../../testing/fixtures";
import { openCampaign } from "./open-campaign";
import { expressNeed } from "./express-need";
import { giveOpinion } from "./give-opinion";
import { decideNeed } from "./decide-need";
import { withdrawNeed } from "./withdraw-need";
import { getMyNeeds } from "./get-my-needs";
import { listTeamNeeds } from "./list-team-needs";
import { listInstitutionNeeds } from "./list-institution-needs";
import { createAgent, createInstitutionWithCampaign, createTheme } from "./needs-fixtures";

const fr = createTranslator("fr");

async function freeNeed(agent: Awaited<ReturnType<typeof createAgent>>, campaignId: string, themeId: string) {
  return expressNeed(agent, {
    campaignId,
    title: "Conduite de réunion",
    themeId,
    trainingType: "T1_ADAPT_POST",
    priority: "HIGH",
    justification: "Nouvelles fonctions d'encadrement.",
  });
}

describe("needs campaigns (real database)", () => {
  it("an officer opens the year's campaign; saving it again re-dates the same campaign; another institution's officer is refused", async () => {
    const { institution, officer } = await createInstitutionWithCampaign();
    const other = await createInstitutionWithCampaign();
    const input = {
      institutionId: institution.id,
      year: 2031,
      opensAt: "2031-01-05T08:00:00Z",
      closesAt: "2031-03-01T08:00:00Z",
      instructions: "Avant l'entretien annuel.",
    };
    const first = await openCampaign(officer, input);
    const again = await openCampaign(officer, { ...input, closesAt: "2031-04-01T08:00:00Z" });
    expect(again.id).toBe(first.id);
    expect((await db.needsCampaign.findUniqueOrThrow({ where: { id: first.id } })).closesAt.toISOString()).toBe(
      "2031-04-01T08:00:00.000Z",
    );
    await expect(openCampaign(other.officer, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(openCampaign(officer, { ...input, closesAt: "2030-12-01T08:00:00Z" })).rejects.toMatchObject({
      code: "INVALID",
      details: { messageKey: "needs.errors.field.closesAt" },
    });
  });

  it("an agent expresses a free need and a catalogue need; the category, population and sex are copied; the page lists them", async () => {
    const { institution, campaign, manager } = await createInstitutionWithCampaign();
    const theme = await createTheme();
    const agent = await createAgent({
      institutionId: institution.id,
      managerId: manager.userId,
      staffCategory: "C",
      population: "CONTRACT",
      sex: "MALE",
    });
    const course = await db.course.create({
      data: {
        slug: `needs-course-${campaign.id}`,
        institutionId: institution.id,
        themeId: theme.id,
        trainingType: "T3_QUALIFICATION",
        modality: "IN_PERSON",
        versions: { create: { number: 1, status: "PUBLISHED", title: "Tableur", declaredDurationMinutes: 360 } },
      },
    });
    const free = await freeNeed(agent, campaign.id, theme.id);
    const fromCatalogue = await expressNeed(agent, {
      campaignId: campaign.id,
      courseId: course.id,
      priority: "LOW",
      justification: "Tableaux de bord du service.",
    });
    const rows = await db.trainingNeed.findMany({ where: { userId: agent.userId }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => [row.id, row.staffCategory, row.population, row.sex])).toEqual([
      [free.id, "C", "CONTRACT", "MALE"],
      [fromCatalogue.id, "C", "CONTRACT", "MALE"],
    ]);
    expect(rows[1]).toMatchObject({ courseId: course.id, themeId: theme.id, trainingType: "T3_QUALIFICATION" });
    const page = await getMyNeeds(agent);
    expect(page.canExpress).toBe(true);
    expect(page.needs.map((need) => [need.label.fr, need.stage, need.canWithdraw])).toEqual([
      ["Tableur", "SUBMITTED", true],
      ["Conduite de réunion", "SUBMITTED", true],
    ]);
    expect(await db.auditLog.count({ where: { entityId: free.id, action: "needs.need.expressed" } })).toBe(1);
  });

  it("a need on a closed campaign, on another institution's campaign, or incomplete is refused in the user's language and nothing is written", async () => {
    const closed = await createInstitutionWithCampaign({ isOpen: false });
    const open = await createInstitutionWithCampaign();
    const theme = await createTheme();
    const agent = await createAgent({ institutionId: closed.institution.id });
    const refusal = await freeNeed(agent, closed.campaign.id, theme.id).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: "CONFLICT", details: { messageKey: "needs.errors.campaignClosed" } });
    expect(localizeAppError(refusal, fr)).toMatchObject({
      userMessage: "La campagne de recueil des besoins est fermée : aucun besoin ne peut y être ajouté.",
    });
    await expect(freeNeed(agent, open.campaign.id, theme.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const openAgent = await createAgent({ institutionId: open.institution.id });
    await expect(
      expressNeed(openAgent, { campaignId: open.campaign.id, priority: "HIGH", justification: "x", themeId: theme.id }),
    ).rejects.toMatchObject({ code: "INVALID", details: { messageKey: "needs.errors.field.title" } });
    await expect(
      expressNeed(openAgent, {
        campaignId: open.campaign.id,
        title: "Nul\u0000byte",
        themeId: theme.id,
        trainingType: "T1_ADAPT_POST",
        priority: "HIGH",
        justification: "x",
      }),
    ).rejects.toMatchObject({ code: "INVALID" });
    expect(await db.trainingNeed.count({ where: { userId: { in: [agent.userId, openAgent.userId] } } })).toBe(0);
  });

  it("the manager gives an opinion (unfavourable needs a reason); another manager is refused; the officer decides; the agent is told the reason", async () => {
    const { institution, campaign, officer, manager } = await createInstitutionWithCampaign();
    const theme = await createTheme();
    const agent = await createAgent({ institutionId: institution.id, managerId: manager.userId });
    const otherManager = await createUserWithRoles({
      institutionId: institution.id,
      roles: [{ role: "AGENT", institutionId: institution.id }],
    });
    const need = await freeNeed(agent, campaign.id, theme.id);
    await expect(giveOpinion(manager, { needId: need.id, opinion: "UNFAVOURABLE" })).rejects.toMatchObject({
      details: { messageKey: "needs.errors.field.reason" },
    });
    await expect(giveOpinion(otherManager, { needId: need.id, opinion: "FAVOURABLE" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await giveOpinion(manager, { needId: need.id, opinion: "TO_DISCUSS", reason: "À voir en entretien." });
    const queue = await listTeamNeeds(manager);
    expect(queue.map((row) => [row.id, row.opinion, row.canGiveOpinion])).toEqual([[need.id, "TO_DISCUSS", true]]);

    await expect(decideNeed(officer, { needId: need.id, decision: "REFUSED" })).rejects.toMatchObject({
      details: { messageKey: "needs.errors.field.reason" },
    });
    await decideNeed(officer, { needId: need.id, decision: "DEFERRED", reason: "Budget de l'an prochain." });
    const notification = await db.notification.findFirstOrThrow({
      where: { userId: agent.userId, kind: "needDeferred" },
    });
    expect(notification.body).toContain("Budget de l'an prochain.");
    await expect(giveOpinion(manager, { needId: need.id, opinion: "FAVOURABLE" })).rejects.toMatchObject({
      details: { messageKey: "needs.errors.alreadyDecided" },
    });
    const mine = await getMyNeeds(agent);
    expect(mine.needs[0]).toMatchObject({ stage: "DEFERRED", decisionReason: "Budget de l'an prochain." });
  });

  it("another institution's officer can neither list nor decide the needs; the agent withdraws and the need leaves the queues", async () => {
    const { institution, campaign, officer, manager } = await createInstitutionWithCampaign();
    const other = await createInstitutionWithCampaign({ regionId: institution.regionId });
    const theme = await createTheme();
    const agent = await createAgent({ institutionId: institution.id, managerId: manager.userId });
    const need = await freeNeed(agent, campaign.id, theme.id);
    await expect(decideNeed(other.officer, { needId: need.id, decision: "RETAINED" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(listInstitutionNeeds(other.officer, { institutionId: institution.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await db.trainingNeed.findUniqueOrThrow({ where: { id: need.id } })).decision).toBeNull();
    const listed = await listInstitutionNeeds(officer, { institutionId: institution.id });
    expect(listed.needs.map((row) => row.id)).toEqual([need.id]);
    await expect(withdrawNeed(manager, { needId: need.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await withdrawNeed(agent, { needId: need.id });
    expect((await listInstitutionNeeds(officer, { institutionId: institution.id })).needs).toEqual([]);
    expect(await listTeamNeeds(manager)).toEqual([]);
    await expect(decideNeed(officer, { needId: need.id, decision: "RETAINED" })).rejects.toMatchObject({
      details: { messageKey: "needs.errors.withdrawn" },
    });
  });

  it("two officers deciding the same need at once: both are serialized, the need holds one decision and one audit row per change", async () => {
    const { institution, campaign, officer } = await createInstitutionWithCampaign();
    const secondOfficer = await createUserWithRoles({
      institutionId: institution.id,
      roles: [{ role: "TRAINING_OFFICER", institutionId: institution.id }],
    });
    const theme = await createTheme();
    const agent = await createAgent({ institutionId: institution.id });
    const need = await freeNeed(agent, campaign.id, theme.id);
    await Promise.all([
      decideNeed(officer, { needId: need.id, decision: "RETAINED" }),
      decideNeed(secondOfficer, { needId: need.id, decision: "RETAINED" }),
    ]);
    expect(await db.auditLog.count({ where: { entityId: need.id, action: "needs.need.decided" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: agent.userId, kind: "needRetained" } })).toBe(1);
  });
});
