import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createInstitution, createUserWithRoles, uniqueCode } from "../../testing/fixtures";
import type { StaffCategory, Sex, StaffPopulation } from "../db/generated/enums";
import { computeNeedsAccess } from "./needs-access";
import { loadNeedsFacts } from "./load-needs-facts";
import { getNeedsAccess } from "./get-needs-access";

const YEAR = 2025;

/**
 * The hand-computed data set (campaign 2025). Courses: C1 in person (theme T1), C2 online (T2),
 * C3 online (T1).
 *   a1 A/teaching/F   N1 C2 retained      C2 completed 2025-05-10                 → satisfied
 *   a2 B/admin/M      N2 free T1 retained C3 (theme T1) completed 2025-03-01      → satisfied
 *   a3 B/contract/F   N3 C1 retained      present at a C1 half-day on 2025-06-02  → satisfied
 *                     N4 C2 refused       C2 completed 2024-12-31 (year before)   → not satisfied
 *   a4 C/admin/—      N5 C1 retained      absent at a C1 half-day in 2025         → not satisfied
 *                     N6 free T2 undecided, C2 completed 2026-01-01 (year after)  → not satisfied
 *   a5 C/admin/F      N7 C2 retained but withdrawn                                 → not counted
 * Totals: 6 expressed, 4 retained, 3 satisfied; retention 4/6, realisation 3/4.
 */
async function seedHandComputedNeeds() {
  const institution = await createInstitution();
  const [t1, t2] = await Promise.all(
    ["T1", "T2"].map((name) => db.theme.create({ data: { code: uniqueCode(name), nameFr: name, nameEn: name } })),
  );
  const course = (themeId: string, modality: "IN_PERSON" | "ONLINE") =>
    db.course.create({
      data: {
        slug: uniqueCode("c"),
        institutionId: institution.id,
        themeId,
        trainingType: "T1_ADAPT_POST",
        modality,
        versions: { create: { number: 1, status: "PUBLISHED", title: "C", declaredDurationMinutes: 60 } },
      },
      include: { versions: true },
    });
  const c1 = await course(t1!.id, "IN_PERSON");
  const c2 = await course(t2!.id, "ONLINE");
  const c3 = await course(t1!.id, "ONLINE");
  const campaign = await db.needsCampaign.create({
    data: {
      institutionId: institution.id,
      year: YEAR,
      opensAt: new Date("2025-01-01"),
      closesAt: new Date("2025-03-01"),
    },
  });
  const agent = async (staffCategory: StaffCategory, population: StaffPopulation, sex: Sex) => {
    const actor = await createUserWithRoles({
      institutionId: institution.id,
      roles: [{ role: "AGENT", institutionId: institution.id }],
    });
    await db.user.update({ where: { id: actor.userId }, data: { staffCategory, population, sex } });
    return { id: actor.userId, staffCategory, population, sex };
  };
  const a1 = await agent("A", "TEACHING_RESEARCH", "FEMALE");
  const a2 = await agent("B", "ADMIN_TECHNICAL", "MALE");
  const a3 = await agent("B", "CONTRACT", "FEMALE");
  const a4 = await agent("C", "ADMIN_TECHNICAL", "NOT_RECORDED");
  const a5 = await agent("C", "ADMIN_TECHNICAL", "FEMALE");
  const need = (
    who: typeof a1,
    subject: { courseId: string; themeId: string } | { themeId: string },
    decision: "RETAINED" | "REFUSED" | null,
    withdrawnAt: Date | null = null,
  ) =>
    db.trainingNeed.create({
      data: {
        campaignId: campaign.id,
        institutionId: institution.id,
        userId: who.id,
        ...subject,
        title: "courseId" in subject ? "" : "Besoin libre",
        trainingType: "T1_ADAPT_POST",
        priority: "MEDIUM",
        justification: "j",
        staffCategory: who.staffCategory,
        population: who.population,
        sex: who.sex,
        decision,
        withdrawnAt,
      },
    });
  await need(a1, { courseId: c2.id, themeId: t2!.id }, "RETAINED");
  await need(a2, { themeId: t1!.id }, "RETAINED");
  await need(a3, { courseId: c1.id, themeId: t1!.id }, "RETAINED");
  await need(a3, { courseId: c2.id, themeId: t2!.id }, "REFUSED");
  await need(a4, { courseId: c1.id, themeId: t1!.id }, "RETAINED");
  await need(a4, { themeId: t2!.id }, null);
  await need(a5, { courseId: c2.id, themeId: t2!.id }, "RETAINED", new Date("2025-02-01"));
  const completed = (who: typeof a1, c: typeof c1, completedAt: string) =>
    db.enrolment.create({
      data: {
        userId: who.id,
        courseId: c.id,
        courseVersionId: c.versions[0]!.id,
        registration: crypto.randomUUID(),
        status: "COMPLETED",
        completedAt: new Date(completedAt),
      },
    });
  await completed(a1, c2, "2025-05-10T10:00:00Z");
  await completed(a2, c3, "2025-03-01T10:00:00Z");
  await completed(a3, c2, "2024-12-31T10:00:00Z");
  await completed(a4, c2, "2026-01-01T10:00:00Z");
  await completed(a5, c2, "2025-04-01T10:00:00Z");
  const site = await db.relaySite.create({
    data: {
      code: uniqueCode("SITE"),
      name: "Site",
      regionId: institution.regionId,
      address: "a",
      postalCode: "0",
      city: "c",
      latitude: 45,
      longitude: 5,
      rooms: { create: { name: "Salle", capacity: 10 } },
    },
    include: { rooms: true },
  });
  const session = await db.trainingSession.create({
    data: {
      courseId: c1.id,
      courseVersionId: c1.versions[0]!.id,
      siteId: site.id,
      capacity: 10,
      registrationDeadline: new Date("2025-05-01"),
      status: "DONE",
      slots: {
        create: {
          roomId: site.rooms[0]!.id,
          halfDay: "MORNING",
          startsAt: new Date("2025-06-02T07:00:00Z"),
          endsAt: new Date("2025-06-02T10:30:00Z"),
        },
      },
    },
    include: { slots: true },
  });
  for (const [who, isPresent] of [
    [a3, true],
    [a4, false],
  ] as const) {
    const registration = await db.registration.create({
      data: { sessionId: session.id, userId: who.id, status: "CONFIRMED" },
    });
    await db.attendance.create({
      data: {
        slotId: session.slots[0]!.id,
        userId: who.id,
        registrationId: registration.id,
        isPresent,
        method: "ROLL_CALL",
      },
    });
  }
  return { institution };
}

describe("equal access from needs (hand-computed data set, real database)", () => {
  it("needs expressed, retained and satisfied, retention and realisation rates, in total and per category, population and sex", async () => {
    const { institution } = await seedHandComputedNeeds();
    // Another institution's satisfied need is not counted.
    await seedHandComputedNeeds();
    const facts = await loadNeedsFacts({ year: YEAR, institutionIds: [institution.id] });
    const byCategory = computeNeedsAccess(facts, "staffCategory");
    expect(byCategory.total).toEqual({
      needsExpressed: 6,
      needsRetained: 4,
      needsSatisfied: 3,
      retentionRate: 4 / 6,
      realisationRate: 3 / 4,
    });
    expect(byCategory.groups).toEqual([
      {
        value: "A",
        values: { needsExpressed: 1, needsRetained: 1, needsSatisfied: 1, retentionRate: 1, realisationRate: 1 },
      },
      {
        value: "B",
        values: { needsExpressed: 3, needsRetained: 2, needsSatisfied: 2, retentionRate: 2 / 3, realisationRate: 1 },
      },
      {
        value: "C",
        values: { needsExpressed: 2, needsRetained: 1, needsSatisfied: 0, retentionRate: 0.5, realisationRate: 0 },
      },
    ]);
    const bySex = computeNeedsAccess(facts, "sex");
    expect(
      bySex.groups.map((group) => [
        group.value,
        group.values.needsExpressed,
        group.values.needsRetained,
        group.values.needsSatisfied,
      ]),
    ).toEqual([
      ["FEMALE", 3, 2, 2],
      ["MALE", 1, 1, 1],
      ["NOT_RECORDED", 2, 1, 0],
    ]);
    const byPopulation = computeNeedsAccess(facts, "population");
    expect(
      byPopulation.groups.map((group) => [group.value, group.values.needsSatisfied, group.values.realisationRate]),
    ).toEqual([
      ["ADMIN_TECHNICAL", 1, 0.5],
      ["CONTRACT", 1, 1],
      ["TEACHING_RESEARCH", 1, 1],
    ]);
  });

  it("no need: counts are 0 and the rates are not computed (null), never NaN", () => {
    expect(computeNeedsAccess([], "sex")).toEqual({
      total: { needsExpressed: 0, needsRetained: 0, needsSatisfied: 0, retentionRate: null, realisationRate: null },
      groups: [],
    });
  });

  it("an officer reads their institution only; a correspondent their region; an agent is refused", async () => {
    const { institution } = await seedHandComputedNeeds();
    const other = await seedHandComputedNeeds();
    const officer = await createUserWithRoles({
      institutionId: institution.id,
      roles: [{ role: "TRAINING_OFFICER", institutionId: institution.id }],
    });
    const view = await getNeedsAccess(officer, { year: YEAR });
    expect(view.institutions.map((row) => row.id)).toEqual([institution.id]);
    expect(view.total.needsSatisfied).toBe(3);
    const correspondent = await createUserWithRoles({ roles: [{ role: "REGIONAL_CORRESPONDENT" }] });
    const regional = {
      ...correspondent,
      memberships: correspondent.memberships.map((m) => ({ ...m, regionId: other.institution.regionId })),
    };
    expect((await getNeedsAccess(regional, { year: YEAR })).institutions.map((row) => row.id)).toEqual([
      other.institution.id,
    ]);
    const agent = await createUserWithRoles({
      institutionId: institution.id,
      roles: [{ role: "AGENT", institutionId: institution.id }],
    });
    await expect(getNeedsAccess(agent, { year: YEAR })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getNeedsAccess(officer, { year: 1900 })).rejects.toMatchObject({ code: "INVALID" });
  });
});
