import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createRegion, createUserWithRoles, uniqueCode } from "../../testing/fixtures";
import { createAgent, createInstitutionWithCampaign, createTheme } from "../../testing/needs-fixtures";
import { createTranslator } from "../i18n/translate";
import { translateAppError } from "../errors/localized-error";
import type { AppError } from "../errors/app-error";
import { expressNeed } from "./express-need";
import { decideNeed } from "./decide-need";
import { commissionModule } from "./commission-module";
import { listCommissions } from "./list-commissions";
import { listPooledNeeds } from "./list-pooled-needs";
import { loadNeedsFacts } from "../indicators/load-needs-facts";
import { getMyNeeds } from "./get-my-needs";
import { publishCourseDraft } from "../authoring/publish-course-draft";

const year = new Date().getUTCFullYear();

/** Free needs of one theme in two institutions of two regions, retained; a maker institution with a trainer. */
async function createNeedsInTwoRegions() {
  const theme = await createTheme();
  const north = await createInstitutionWithCampaign({ regionId: (await createRegion()).id });
  const south = await createInstitutionWithCampaign({ regionId: (await createRegion()).id });
  const agents = [];
  const needIds: string[] = [];
  for (const campaign of [north, south, south]) {
    const agent = await createAgent({ institutionId: campaign.institution.id });
    const need = await expressNeed(agent, {
      campaignId: campaign.campaign.id,
      title: "Écrire en langage clair",
      themeId: theme.id,
      trainingType: "T1_ADAPT_POST",
      priority: "MEDIUM",
      justification: "Courriers aux usagers",
    });
    await decideNeed(campaign.officer, { needId: need.id, decision: "RETAINED" });
    agents.push(agent);
    needIds.push(need.id);
  }
  const maker = await createInstitutionWithCampaign();
  const trainer = await createUserWithRoles({
    institutionId: maker.institution.id,
    roles: [{ role: "TRAINER", institutionId: maker.institution.id }],
  });
  const admin = await createUserWithRoles({ roles: [{ role: "NATIONAL_ADMIN" }] });
  return { theme, north, south, agents, needIds, maker, trainer, admin, subject: `theme:${theme.id}` };
}

const BRIEF = "Un module de 2 heures sur la rédaction claire des courriers, avec exercices.";

/** The administrator commissions "Écrire clair" from the maker institution, for its trainer or for nobody yet. */
function commissionClearWriting(
  context: Awaited<ReturnType<typeof createNeedsInTwoRegions>>,
  options: { withTrainer: boolean },
) {
  return commissionModule(context.admin, {
    year,
    subject: context.subject,
    title: "Écrire clair",
    brief: BRIEF,
    institutionId: context.maker.institution.id,
    ...(options.withTrainer ? { trainerId: context.trainer.userId } : {}),
  });
}

describe("commissioning a national online module from pooled needs", () => {
  it("answers every region's needs, creates the draft national course in the maker institution, tells requesters and trainer", async () => {
    const context = await createNeedsInTwoRegions();
    const result = await commissionClearWriting(context, { withTrainer: true });
    expect(result.needs).toBe(3);
    const needs = await db.trainingNeed.findMany({ where: { id: { in: context.needIds } } });
    expect(needs.every((need) => need.answeredByCommissionId === result.commissionId)).toBe(true);
    const course = await db.course.findUniqueOrThrow({ where: { id: result.courseId }, include: { versions: true } });
    expect(course).toMatchObject({
      institutionId: context.maker.institution.id,
      themeId: context.theme.id,
      modality: "ONLINE",
      visibility: "NATIONAL",
      createdById: context.trainer.userId,
    });
    expect(course.versions).toEqual([
      expect.objectContaining({ status: "DRAFT", title: "Écrire clair", summary: BRIEF }),
    ]);
    for (const agent of context.agents)
      expect(await db.notification.count({ where: { userId: agent.userId, kind: "needCommissioned" } })).toBe(1);
    const told = await db.notification.findFirstOrThrow({
      where: { userId: context.trainer.userId, kind: "moduleCommissioned" },
    });
    expect(told.title).toBe("Module national commandé : Écrire clair");
    expect(
      await db.auditLog.count({ where: { entityId: result.commissionId, action: "needs.module.commissioned" } }),
    ).toBe(1);
    // The requester follows it; the pooled views no longer offer these needs.
    const mine = await getMyNeeds(context.agents[0]!);
    expect(mine.needs.find((need) => need.id === context.needIds[0])?.stage).toBe("COMMISSIONED");
    const list = await listCommissions(context.admin);
    expect(list.find((row) => row.id === result.commissionId)).toMatchObject({
      needs: 3,
      isPublished: false,
      institution: context.maker.institution.name,
    });
    const pooled = await listPooledNeeds(context.admin, { year });
    expect(pooled.groups.some((group) => group.key === context.subject)).toBe(false);
    // A second commission finds nothing left and writes nothing.
    await expect(
      commissionModule(context.admin, {
        year,
        subject: context.subject,
        title: "Encore",
        brief: BRIEF,
        institutionId: context.maker.institution.id,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.moduleCommission.count({ where: { subject: context.subject } })).toBe(1);
  });

  it("once published, completing the module within the year satisfies the needs it answers", async () => {
    const context = await createNeedsInTwoRegions();
    const { courseId } = await commissionClearWriting(context, { withTrainer: false });
    const version = await db.courseVersion.update({
      where: { courseId_number: { courseId, number: 1 } },
      data: { status: "PUBLISHED", publishedAt: new Date() },
    });
    // The theme of the commissioned course is the needs' theme, so the free-need rule and the
    // commission rule agree here; the commission rule is what counts for a catalogue-course need.
    await db.enrolment.create({
      data: {
        userId: context.agents[0]!.userId,
        courseId,
        courseVersionId: version.id,
        registration: randomUUID(),
        status: "COMPLETED",
        completedAt: new Date(),
      },
    });
    const facts = await loadNeedsFacts({ year, institutionIds: [context.north.institution.id] });
    expect(facts).toEqual([expect.objectContaining({ needs: 1, decision: "RETAINED", isSatisfied: true })]);
  });

  it("its first publication tells the requesters they can follow it, in their language; a later version does not", async () => {
    const context = await createNeedsInTwoRegions();
    await db.user.update({ where: { id: context.agents[1]!.userId }, data: { locale: "en" } });
    const { courseId } = await commissionClearWriting(context, { withTrainer: true });
    /** A draft with one lesson, as the trainer would have written it, published by the trainer. */
    const publishVersion = async (number: number) => {
      const version = await db.courseVersion.upsert({
        where: { courseId_number: { courseId, number } },
        update: {},
        create: { courseId, number, title: "Écrire clair", declaredDurationMinutes: 120 },
      });
      await db.courseModule.create({
        data: {
          versionId: version.id,
          position: 0,
          title: "Module",
          activities: { create: { key: randomUUID(), position: 0, kind: "LESSON", title: "Leçon" } },
        },
      });
      await publishCourseDraft(context.trainer, { courseId, versionId: version.id, revision: version.revision });
    };
    const published = () =>
      db.notification.findMany({
        where: { kind: "commissionedModulePublished", userId: { in: context.agents.map((agent) => agent.userId) } },
        orderBy: { userId: "asc" },
      });
    await publishVersion(1);
    const notifications = await published();
    expect(notifications).toHaveLength(3);
    const course = await db.course.findUniqueOrThrow({ where: { id: courseId } });
    expect(notifications.every((notification) => notification.link === `/courses/${course.slug}`)).toBe(true);
    const english = notifications.find((notification) => notification.userId === context.agents[1]!.userId)!;
    expect(english.title).toBe("The national module that answers your need is published: Écrire clair");
    const french = notifications.find((notification) => notification.userId === context.agents[0]!.userId)!;
    expect(french.body).toContain(`commandé à ${context.maker.institution.name}`);
    await publishVersion(2);
    expect(await published()).toHaveLength(3);
  });

  it("a catalogue-course need is satisfied by the module commissioned for it, though the module is another course", async () => {
    const theme = await createTheme();
    const campaign = await createInstitutionWithCampaign();
    const asked = await db.course.create({
      data: {
        slug: uniqueCode("asked"),
        institutionId: campaign.institution.id,
        themeId: theme.id,
        trainingType: "T2_JOB_CHANGE",
        modality: "IN_PERSON",
        versions: { create: { number: 1, status: "PUBLISHED", title: "Présentiel", declaredDurationMinutes: 60 } },
      },
    });
    const agent = await createAgent({ institutionId: campaign.institution.id });
    const need = await expressNeed(agent, {
      campaignId: campaign.campaign.id,
      courseId: asked.id,
      priority: "HIGH",
      justification: "À distance",
    });
    await decideNeed(campaign.officer, { needId: need.id, decision: "RETAINED" });
    const admin = await createUserWithRoles({ roles: [{ role: "NATIONAL_ADMIN" }] });
    const { courseId } = await commissionModule(admin, {
      year,
      subject: `course:${asked.id}`,
      title: "Version en ligne",
      brief: BRIEF,
      institutionId: campaign.institution.id,
    });
    const created = await db.course.findUniqueOrThrow({ where: { id: courseId } });
    expect(created).toMatchObject({ themeId: theme.id, trainingType: "T2_JOB_CHANGE", modality: "ONLINE" });
    const version = await db.courseVersion.update({
      where: { courseId_number: { courseId, number: 1 } },
      data: { status: "PUBLISHED" },
    });
    const before = await loadNeedsFacts({ year, institutionIds: [campaign.institution.id] });
    expect(before).toEqual([expect.objectContaining({ isSatisfied: false })]);
    await db.enrolment.create({
      data: {
        userId: agent.userId,
        courseId,
        courseVersionId: version.id,
        registration: randomUUID(),
        status: "COMPLETED",
        completedAt: new Date(),
      },
    });
    const after = await loadNeedsFacts({ year, institutionIds: [campaign.institution.id] });
    expect(after).toEqual([expect.objectContaining({ isSatisfied: true })]);
  });

  it("refuses a regional correspondent, an officer, a trainer of another institution and a bad brief; nothing is written", async () => {
    const context = await createNeedsInTwoRegions();
    const correspondent = await createUserWithRoles({ roles: [{ role: "REGIONAL_CORRESPONDENT" }] });
    const input = {
      year,
      subject: context.subject,
      title: "Écrire clair",
      brief: BRIEF,
      institutionId: context.maker.institution.id,
    };
    for (const actor of [correspondent, context.north.officer, context.trainer])
      await expect(commissionModule(actor, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const strangerTrainer = await createUserWithRoles({
      institutionId: context.north.institution.id,
      roles: [{ role: "TRAINER", institutionId: context.north.institution.id }],
    });
    const fr = createTranslator("fr");
    const refusal = async (change: Record<string, string>) =>
      translateAppError(
        (await commissionModule(context.admin, { ...input, ...change }).catch((error: unknown) => error)) as AppError,
        fr,
      );
    expect(await refusal({ trainerId: strangerTrainer.userId })).toBe(
      "Choisissez un formateur de l'établissement commandité, ou aucun.",
    );
    expect(await refusal({ brief: "court" })).toBe("Décrivez la commande (10 à 4\u202f000 caractères).");
    expect(await refusal({ brief: "x".repeat(4001) })).toBe("Décrivez la commande (10 à 4\u202f000 caractères).");
    expect(await refusal({ title: "Titre\u0000" })).toBe("Donnez au module un titre de 3 à 200 caractères.");
    expect(await refusal({ institutionId: "nope" })).toBe("Choisissez l'établissement commandité.");
    expect(await db.moduleCommission.count({ where: { subject: context.subject } })).toBe(0);
    expect(
      await db.trainingNeed.count({ where: { id: { in: context.needIds }, answeredByCommissionId: { not: null } } }),
    ).toBe(0);
  });

  it("two administrators commissioning the same needs at once: one module answers them, the other is refused", async () => {
    const context = await createNeedsInTwoRegions();
    const input = {
      year,
      subject: context.subject,
      title: "Écrire clair",
      brief: BRIEF,
      institutionId: context.maker.institution.id,
    };
    const results = await Promise.allSettled([
      commissionModule(context.admin, input),
      commissionModule(context.admin, input),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected");
    expect((rejected?.reason as AppError).code).toBe("CONFLICT");
    expect(await db.moduleCommission.count({ where: { subject: context.subject } })).toBe(1);
    expect(await db.course.count({ where: { moduleCommission: { subject: context.subject } } })).toBe(1);
  });
});
