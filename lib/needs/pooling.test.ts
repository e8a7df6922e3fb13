import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createRegion, createUserWithRoles, uniqueCode } from "../../testing/fixtures";
import { createTranslator } from "../i18n/translate";
import { localizeAppError } from "../sessions/localize-app-error";
import { registerForSession } from "../sessions/register-for-session";
import { expressNeed } from "./express-need";
import { decideNeed } from "./decide-need";
import { listPooledNeeds } from "./list-pooled-needs";
import { getPooledGroup } from "./get-pooled-group";
import { createPooledSession } from "./create-pooled-session";
import { createAgent, createInstitutionWithCampaign, createTheme } from "../../testing/needs-fixtures";
import { missionCostCents } from "../mission-costs/mission-scales";
import { updateMissionScales } from "../mission-costs/update-mission-scales";
import { translateAppError } from "../errors/localized-error";
import type { AppError } from "../errors/app-error";

const DAY = 24 * 3600_000;
const GRENOBLE = { lat: 45.19, lng: 5.72 };
const LYON = { lat: 45.76, lng: 4.84 };
const VALENCE = { lat: 44.93, lng: 4.89 };

let dayOffset = 0;
/** A date 40+ days ahead, distinct per call, so that sessions of different tests never share a room's half-day. */
const sessionDate = () => new Date(Date.now() + (40 + dayOffset++) * DAY).toISOString().slice(0, 10);

async function createSite(options: {
  regionId: string;
  institutionId: string | null;
  at: { lat: number; lng: number };
}) {
  return db.relaySite.create({
    data: {
      code: uniqueCode("SITE"),
      name: `Site ${uniqueCode("s")}`,
      institutionId: options.institutionId,
      regionId: options.regionId,
      address: "1 place",
      postalCode: "00000",
      city: "Ville",
      latitude: options.at.lat,
      longitude: options.at.lng,
      rooms: { create: [{ name: "Salle", capacity: 20 }] },
    },
    include: { rooms: true },
  });
}

/** Two institutions of one region (Grenoble, Lyon, each with its relay site, plus one in Valence), a course, retained needs. */
async function createRegionWithNeeds() {
  const region = await createRegion();
  const gre = await createInstitutionWithCampaign({ regionId: region.id });
  const lyo = await createInstitutionWithCampaign({ regionId: region.id });
  const greSite = await createSite({ regionId: region.id, institutionId: gre.institution.id, at: GRENOBLE });
  const lyoSite = await createSite({ regionId: region.id, institutionId: lyo.institution.id, at: LYON });
  const valSite = await createSite({ regionId: region.id, institutionId: null, at: VALENCE });
  const theme = await createTheme();
  const course = await db.course.create({
    data: {
      slug: uniqueCode("pooled"),
      institutionId: gre.institution.id,
      themeId: theme.id,
      trainingType: "T1_ADAPT_POST",
      modality: "IN_PERSON",
      versions: {
        create: { number: 1, status: "PUBLISHED", title: "Accueil du public", declaredDurationMinutes: 420 },
      },
    },
    include: { versions: true },
  });
  const agents = [
    await createAgent({ institutionId: gre.institution.id, staffCategory: "B", workplace: GRENOBLE }),
    await createAgent({ institutionId: gre.institution.id, staffCategory: "C", workplace: GRENOBLE }),
    await createAgent({ institutionId: lyo.institution.id, staffCategory: "B", workplace: LYON }),
  ];
  const needIds: string[] = [];
  for (const agent of agents) {
    const campaign = agent.institutionId === gre.institution.id ? gre : lyo;
    const need = await expressNeed(agent, {
      campaignId: campaign.campaign.id,
      courseId: course.id,
      priority: "HIGH",
      justification: "Accueil",
    });
    await decideNeed(campaign.officer, { needId: need.id, decision: "RETAINED" });
    needIds.push(need.id);
  }
  const correspondent = await createUserWithRoles({
    roles: [{ role: "REGIONAL_CORRESPONDENT" }],
  });
  await db.roleMembership.updateMany({ where: { userId: correspondent.userId }, data: { regionId: region.id } });
  const actor = {
    ...correspondent,
    memberships: correspondent.memberships.map((m) => ({ ...m, regionId: region.id })),
  };
  return {
    region,
    gre,
    lyo,
    greSite,
    lyoSite,
    valSite,
    theme,
    course,
    version: course.versions[0]!,
    agents,
    needIds,
    correspondent: actor,
  };
}

const year = new Date().getUTCFullYear();

describe("regional pooling of needs (real database)", () => {
  it("the correspondent sees the region's retained needs pooled per course: agents, institutions, categories, relay sites", async () => {
    const context = await createRegionWithNeeds();
    const pooled = await listPooledNeeds(context.correspondent, { year });
    const group = pooled.groups.find((row) => row.courseId === context.course.id)!;
    expect(group).toMatchObject({ needs: 3, agents: 3, institutions: 2, key: `course:${context.course.id}` });
    expect(group.byCategory).toEqual([
      { category: "B", agents: 2 },
      { category: "C", agents: 1 },
    ]);
    expect(group.bySite.map((row) => [row.id, row.agents])).toEqual([
      [context.greSite.id, 2],
      [context.lyoSite.id, 1],
    ]);
    expect(group.byRegion).toEqual([expect.objectContaining({ id: context.region.id, agents: 3 })]);
  });

  it("another region's correspondent is refused, and their own pooled view does not contain these needs", async () => {
    const context = await createRegionWithNeeds();
    const elsewhere = await createRegionWithNeeds();
    await expect(listPooledNeeds(elsewhere.correspondent, { year, regionId: context.region.id })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
    await expect(
      getPooledGroup(elsewhere.correspondent, {
        year,
        regionId: context.region.id,
        subject: `course:${context.course.id}`,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const own = await listPooledNeeds(elsewhere.correspondent, { year });
    expect(own.groups.map((group) => group.courseId)).toEqual([elsewhere.course.id]);
    const officer = context.gre.officer;
    await expect(listPooledNeeds(officer, { year })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the group ranks the region's sites by the requesters' travel and shows what is avoided against each institution's usual venue", async () => {
    const context = await createRegionWithNeeds();
    const group = await getPooledGroup(context.correspondent, {
      year,
      regionId: context.region.id,
      subject: `course:${context.course.id}`,
    });
    // Two agents in Grenoble and one in Lyon: the Grenoble site minimises the total travel.
    expect(group.sites[0]).toMatchObject({ id: context.greSite.id, isBest: true });
    expect(group.requesters).toHaveLength(3);
    const lyon = group.savings.find((row) => row.institutionId === context.lyo.institution.id)!;
    const grenoble = group.savings.find((row) => row.institutionId === context.gre.institution.id)!;
    expect(grenoble.avoidedKm).toBeCloseTo(0, 6);
    expect(lyon.avoidedKm).toBeLessThan(-150); // the Lyon agent travels ~2 × 94 km more than to their usual venue
    // At their usual venue (their own town) the Lyon agent has no mission; at Grenoble, one under the scales.
    expect(lyon.avoidedCost).toBeCloseTo(-missionCostCents(-lyon.avoidedKm / 2, 1, group.scales) / 100, 6);
    expect(group.versions.map((version) => version.id)).toEqual([context.version.id]);
    expect(group.canCreateSession).toBe(true);
  });

  it("a national administrator sets the mission-cost scales and the group's mission costs avoided follow them (hand-computed)", async () => {
    const context = await createRegionWithNeeds();
    const admin = await createUserWithRoles({ roles: [{ role: "NATIONAL_ADMIN" }] });
    await updateMissionScales(admin, { kmAllowance: "0,40", meal: "15,25", overnight: "95", overnightFromKm: "50" });
    const group = await getPooledGroup(context.correspondent, {
      year,
      regionId: context.region.id,
      subject: `course:${context.course.id}`,
    });
    expect(group.scales).toMatchObject({
      kmAllowanceCents: 40,
      mealCents: 1525,
      overnightCents: 9500,
      overnightFromKm: 50,
    });
    const lyon = group.savings.find((row) => row.institutionId === context.lyo.institution.id)!;
    // Lyon → Grenoble is ~94 km one way, beyond 50 km: the agent stays. One round trip at 0.40 €,
    // two meals at 15.25 €, one night at 95 €: −(2 × d × 0.40 + 30.50 + 95).
    const oneWayKm = -lyon.avoidedKm / 2;
    expect(oneWayKm).toBeGreaterThan(90);
    expect(lyon.avoidedCost).toBeCloseTo(-(2 * oneWayKm * 0.4 + 30.5 + 95), 6);
    const audit = await db.auditLog.findFirst({
      where: { action: "needs.missionScales.updated", actorId: admin.userId },
    });
    expect(audit?.data).toMatchObject({ after: { kmAllowanceCents: 40, overnightFromKm: 50 } });
    // Another actor is refused; bad scales are refused in the user's language and change nothing.
    for (const actor of [context.correspondent, context.gre.officer])
      await expect(
        updateMissionScales(actor, { kmAllowance: "1", meal: "1", overnight: "1", overnightFromKm: "10" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const error = await updateMissionScales(admin, {
      kmAllowance: "12",
      meal: "15",
      overnight: "95",
      overnightFromKm: "50",
    }).catch((caught: unknown) => caught);
    expect(translateAppError(error as AppError, createTranslator("fr"))).toBe(
      "Indiquez une indemnité kilométrique entre 0 et 10\u00a0€ par km (deux décimales au plus).",
    );
    await expect(
      updateMissionScales(admin, { kmAllowance: "0,3", meal: "-1", overnight: "95", overnightFromKm: "50" }),
    ).rejects.toMatchObject({ code: "INVALID" });
    await expect(
      updateMissionScales(admin, { kmAllowance: "0,3", meal: "1", overnight: "95", overnightFromKm: "2,5" }),
    ).rejects.toMatchObject({ code: "INVALID" });
    const scales = await db.missionCostScale.findUniqueOrThrow({ where: { id: "national" } });
    expect(scales.kmAllowanceCents).toBe(40);
  });

  it("a pooled session answers the needs, tells the requesters, and only they register during the priority window", async () => {
    const context = await createRegionWithNeeds();
    const now = new Date();
    const created = await createPooledSession(
      context.correspondent,
      {
        year,
        regionId: context.region.id,
        subject: `course:${context.course.id}`,
        courseVersionId: context.version.id,
        siteId: context.greSite.id,
        roomId: context.greSite.rooms[0]!.id,
        startsAt: sessionDate(),
        halfDays: ["MORNING", "AFTERNOON"],
        capacity: 10,
        priorityDays: 7,
      },
      now,
    );
    expect(created.needs).toBe(3);
    const session = await db.trainingSession.findUniqueOrThrow({
      where: { id: created.sessionId },
      include: { slots: true },
    });
    expect(session).toMatchObject({ status: "OPEN", siteId: context.greSite.id });
    expect(session.slots).toHaveLength(2);
    expect(
      await db.trainingNeed.count({ where: { id: { in: context.needIds }, answeredBySessionId: session.id } }),
    ).toBe(3);
    for (const agent of context.agents)
      expect(await db.notification.count({ where: { userId: agent.userId, kind: "needAnswered" } })).toBe(1);

    const outsider = await createAgent({ institutionId: context.lyo.institution.id, workplace: LYON });
    const refusal = await registerForSession(outsider, { sessionId: session.id }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: "CONFLICT", details: { messageKey: "sessions.priorityWindow" } });
    expect((localizeAppError(refusal, createTranslator("fr")) as Error).message).toMatch(
      /^Les inscriptions à cette session sont réservées jusqu'au /,
    );
    expect((localizeAppError(refusal, createTranslator("en")) as Error).message).toMatch(
      /^Until \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}, registration/,
    );
    expect(await db.registration.count({ where: { sessionId: session.id } })).toBe(0);

    const first = await registerForSession(context.agents[2]!, { sessionId: session.id });
    expect(first.status).toBe("CONFIRMED");
    // After the window, registration is open to all.
    const later = await registerForSession(outsider, { sessionId: session.id }, new Date(now.getTime() + 8 * DAY));
    expect(later.status).toBe("CONFIRMED");
    // The needs left the pooled view: nothing to pool twice.
    const pooled = await listPooledNeeds(context.correspondent, { year });
    expect(pooled.groups.find((row) => row.courseId === context.course.id)).toBeUndefined();
  });

  it("two correspondents pooling the same needs at once: one session answers them, the other is refused and nothing of it is written", async () => {
    const context = await createRegionWithNeeds();
    const second = await createUserWithRoles({ roles: [{ role: "REGIONAL_CORRESPONDENT" }] });
    const secondActor = {
      ...second,
      memberships: second.memberships.map((m) => ({ ...m, regionId: context.region.id })),
    };
    const input = (siteId: string, roomId: string) => ({
      year,
      regionId: context.region.id,
      subject: `course:${context.course.id}`,
      courseVersionId: context.version.id,
      siteId,
      roomId,
      startsAt: sessionDate(),
      halfDays: ["MORNING" as const],
      capacity: 10,
      priorityDays: 7,
    });
    const results = await Promise.allSettled([
      createPooledSession(context.correspondent, input(context.greSite.id, context.greSite.rooms[0]!.id)),
      createPooledSession(secondActor, input(context.lyoSite.id, context.lyoSite.rooms[0]!.id)),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "CONFLICT", details: { messageKey: "needs.errors.field.needIds" } });
    expect(
      await db.trainingSession.count({ where: { siteId: { in: [context.greSite.id, context.lyoSite.id] } } }),
    ).toBe(1);
  });

  it("bad input: a site of another region, an online course, a date inside the priority window, a room of another site", async () => {
    const context = await createRegionWithNeeds();
    const elsewhere = await createRegionWithNeeds();
    const base = {
      year,
      regionId: context.region.id,
      subject: `course:${context.course.id}`,
      courseVersionId: context.version.id,
      siteId: context.greSite.id,
      roomId: context.greSite.rooms[0]!.id,
      startsAt: sessionDate(),
      halfDays: ["MORNING" as const],
      capacity: 10,
      priorityDays: 7,
    };
    const key = async (input: typeof base) => {
      const error: unknown = await createPooledSession(context.correspondent, input).catch((caught: unknown) => caught);
      return (error as { details?: { messageKey?: string } }).details?.messageKey;
    };
    expect(await key({ ...base, siteId: elsewhere.greSite.id })).toBe("needs.errors.field.siteId");
    expect(await key({ ...base, courseVersionId: elsewhere.version.id })).toBe("needs.errors.field.courseVersionId");
    expect(await key({ ...base, startsAt: new Date(Date.now() + 5 * DAY).toISOString().slice(0, 10) })).toBe(
      "needs.errors.field.startsAt",
    );
    expect(await key({ ...base, priorityDays: 0 })).toBe("needs.errors.field.priorityDays");
    // A course of the same theme, but reserved to an institution of another region: its requesters could not register.
    const reserved = await db.course.create({
      data: {
        slug: uniqueCode("reserved"),
        institutionId: elsewhere.gre.institution.id,
        themeId: context.theme.id,
        trainingType: "T1_ADAPT_POST",
        modality: "IN_PERSON",
        visibility: "INSTITUTION",
        versions: { create: { number: 1, status: "PUBLISHED", title: "Réservé", declaredDurationMinutes: 420 } },
      },
      include: { versions: true },
    });
    const freeNeed = await expressNeed(context.agents[0]!, {
      campaignId: context.gre.campaign.id,
      title: "Accueil téléphonique",
      themeId: context.theme.id,
      trainingType: "T1_ADAPT_POST",
      priority: "LOW",
      justification: "Accueil",
    });
    await decideNeed(context.gre.officer, { needId: freeNeed.id, decision: "RETAINED" });
    expect(
      await key({ ...base, subject: `theme:${context.theme.id}`, courseVersionId: reserved.versions[0]!.id }),
    ).toBe("needs.errors.field.courseVersionId");
    const themeGroup = await getPooledGroup(context.correspondent, {
      year,
      regionId: context.region.id,
      subject: `theme:${context.theme.id}`,
    });
    expect(themeGroup.versions.map((version) => version.id)).toEqual([context.version.id]);
    await expect(
      createPooledSession(context.correspondent, { ...base, roomId: context.lyoSite.rooms[0]!.id }),
    ).rejects.toMatchObject({
      code: "INVALID",
    });
    expect(
      await db.trainingNeed.count({ where: { id: { in: context.needIds }, answeredBySessionId: { not: null } } }),
    ).toBe(0);
  });
});
