import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createInstitution, createUserWithRoles, uniqueCode } from "../../testing/fixtures";
import { computeCostIndicators } from "./costs";
import { loadCostFacts } from "./load-cost-facts";
import { getCostIndicators } from "./get-cost-indicators";

const YEAR = 2025;
const H = 3600_000;

/**
 * The hand-computed data set (year 2025).
 * I1 (Europe/Paris). Plan 2025: action K1 (course K1) 1,000 + 200 + 300 = 1,500 €; external E1
 * 400 € planned, done, real cost 350 €; external E2 100 € planned, not done.
 *   S1 (K1) 10 March, 3 h + 3.5 h, costs 600 + 150 + 90 + 60 = 900 €; a1 present both (390 min),
 *      a2 present the morning (180 min), a3 absent the afternoon                 → 900 €, 570 min
 *   S2 (K2, not in the plan) 1 June, 3 h, costs 300 €, a1 present            → 300 €, 180 min
 *   S3 (K1) cancelled, costs 500 €                                             → not counted
 *   S4 (K1) 2024-12-31 23:30 UTC = 1 January 2025 00:30 in Paris, costs 100 €  → 100 €, in 2025
 *   S5 (K1) no costs recorded, a1 present 3 h                                  → not counted
 *   cost / trainee-hour = 1,300 € / 12.5 h = 104 €; planned 2,000 €; consumed 900 + 100 + 350
 *   = 1,350 €; rate 67.5 %.
 * I2 (Pacific/Noumea, UTC+11). Plan 2025: action L1 500 €.
 *   T1 (L1) 2025-12-31 13:30 UTC = 1 January 2026 in Nouméa, 1,000 €          → not in 2025
 *   T2 (L1) 5 May, 3 h, 200 €, two present                                     → 200 €, 360 min
 *   cost / trainee-hour = 200 / 6 = 33.33 €; planned 500; consumed 200; rate 40 %.
 * Nationally: 1,500 € / 18.5 h = 81.08 €; planned 2,500 €; consumed 1,550 €; rate 62 %.
 */
async function seedCosts() {
  const i1 = await createInstitution();
  const i2 = await db.institution.update({
    where: { id: (await createInstitution({ regionId: i1.regionId })).id },
    data: { timeZone: "Pacific/Noumea" },
  });
  const theme = await db.theme.create({ data: { code: uniqueCode("TH"), nameFr: "T", nameEn: "T" } });
  const site = await db.relaySite.create({
    data: {
      code: uniqueCode("SITE"),
      name: "Site",
      regionId: i1.regionId,
      address: "1 rue",
      postalCode: "38000",
      city: "Grenoble",
      latitude: 45.19,
      longitude: 5.72,
      rooms: { create: [{ name: "Salle", capacity: 50 }] },
    },
    include: { rooms: true },
  });
  const roomId = site.rooms[0]!.id;
  const course = (institutionId: string) =>
    db.course.create({
      data: {
        slug: uniqueCode("c"),
        institutionId,
        themeId: theme.id,
        trainingType: "T1_ADAPT_POST",
        modality: "IN_PERSON",
        versions: { create: { number: 1, status: "PUBLISHED", title: "C", declaredDurationMinutes: 420 } },
      },
      include: { versions: true },
    });
  const [k1, k2, l1] = [await course(i1.id), await course(i1.id), await course(i2.id)];
  const agents = async (institutionId: string, count: number) =>
    Promise.all(
      Array.from({ length: count }, () =>
        createUserWithRoles({ institutionId, roles: [{ role: "AGENT", institutionId }] }),
      ),
    );
  const [a1, a2, a3] = await agents(i1.id, 3);
  const [b1, b2] = await agents(i2.id, 2);
  const session = async (options: {
    course: typeof k1;
    slots: { start: string; hours: number; present: string[]; absent?: string[] }[];
    costs?: [number, number, number, number];
    status?: "OPEN" | "CANCELLED";
  }) => {
    const created = await db.trainingSession.create({
      data: {
        courseId: options.course.id,
        courseVersionId: options.course.versions[0]!.id,
        siteId: site.id,
        capacity: 20,
        status: options.status ?? "OPEN",
        registrationDeadline: new Date("2024-01-01"),
        ...(options.costs
          ? {
              cost: {
                create: {
                  trainersCents: options.costs[0],
                  roomCents: options.costs[1],
                  cateringCents: options.costs[2],
                  travelCents: options.costs[3],
                },
              },
            }
          : {}),
      },
    });
    for (const slot of options.slots) {
      const startsAt = new Date(slot.start);
      const created2 = await db.sessionSlot.create({
        data: {
          sessionId: created.id,
          roomId,
          halfDay: "MORNING",
          startsAt,
          endsAt: new Date(startsAt.getTime() + slot.hours * H),
        },
      });
      for (const [userId, isPresent] of [
        ...slot.present.map((id) => [id, true] as const),
        ...(slot.absent ?? []).map((id) => [id, false] as const),
      ]) {
        const registration = await db.registration.upsert({
          where: { sessionId_userId: { sessionId: created.id, userId } },
          create: { sessionId: created.id, userId, status: "CONFIRMED" },
          update: {},
        });
        await db.attendance.create({
          data: { slotId: created2.id, userId, registrationId: registration.id, isPresent, method: "ROLL_CALL" },
        });
      }
    }
    return created;
  };
  await session({
    course: k1,
    costs: [60000, 15000, 9000, 6000],
    slots: [
      { start: "2025-03-10T08:00:00Z", hours: 3, present: [a1!.userId, a2!.userId] },
      { start: "2025-03-10T12:30:00Z", hours: 3.5, present: [a1!.userId], absent: [a3!.userId] },
    ],
  });
  await session({
    course: k2,
    costs: [30000, 0, 0, 0],
    slots: [{ start: "2025-06-01T07:00:00Z", hours: 3, present: [a1!.userId] }],
  });
  await session({
    course: k1,
    costs: [50000, 0, 0, 0],
    status: "CANCELLED",
    slots: [{ start: "2025-04-01T07:00:00Z", hours: 3, present: [] }],
  });
  await session({
    course: k1,
    costs: [10000, 0, 0, 0],
    slots: [{ start: "2024-12-31T23:30:00Z", hours: 3, present: [] }],
  });
  await session({ course: k1, slots: [{ start: "2025-09-01T07:00:00Z", hours: 3, present: [a1!.userId] }] });
  await session({
    course: l1,
    costs: [100000, 0, 0, 0],
    slots: [{ start: "2025-12-31T13:30:00Z", hours: 3, present: [b1!.userId] }],
  });
  await session({
    course: l1,
    costs: [20000, 0, 0, 0],
    slots: [{ start: "2025-05-05T00:00:00Z", hours: 3, present: [b1!.userId, b2!.userId] }],
  });
  const campaign = (institutionId: string) =>
    db.needsCampaign.create({
      data: { institutionId, year: YEAR, opensAt: new Date("2025-01-01"), closesAt: new Date("2025-02-01") },
    });
  const [c1, c2] = [await campaign(i1.id), await campaign(i2.id)];
  const action = (data: {
    campaignId: string;
    institutionId: string;
    kind: "COURSE_SESSIONS" | "EXTERNAL";
    courseId?: string;
    budgets: [number, number, number];
    doneAt?: Date;
    actualCostCents?: number;
  }) =>
    db.trainingPlanAction.create({
      data: {
        campaignId: data.campaignId,
        institutionId: data.institutionId,
        themeId: theme.id,
        trainingType: "T1_ADAPT_POST",
        kind: data.kind,
        title: "A",
        courseId: data.courseId ?? null,
        plannedAgents: 3,
        teachingBudgetCents: data.budgets[0],
        venueBudgetCents: data.budgets[1],
        missionBudgetCents: data.budgets[2],
        doneAt: data.doneAt ?? null,
        actualCostCents: data.actualCostCents ?? null,
      },
    });
  await action({
    campaignId: c1.id,
    institutionId: i1.id,
    kind: "COURSE_SESSIONS",
    courseId: k1.id,
    budgets: [100000, 20000, 30000],
  });
  await action({
    campaignId: c1.id,
    institutionId: i1.id,
    kind: "EXTERNAL",
    budgets: [40000, 0, 0],
    doneAt: new Date("2025-05-01"),
    actualCostCents: 35000,
  });
  await action({ campaignId: c1.id, institutionId: i1.id, kind: "EXTERNAL", budgets: [0, 0, 10000] });
  await action({
    campaignId: c2.id,
    institutionId: i2.id,
    kind: "COURSE_SESSIONS",
    courseId: l1.id,
    budgets: [50000, 0, 0],
  });
  return { i1, i2 };
}

describe("cost indicators (hand-computed)", () => {
  it("cost per trainee-hour and budget consumed against planned, per institution (its time zone's year) and together", async () => {
    const { i1, i2 } = await seedCosts();
    const facts = await loadCostFacts({ year: YEAR, institutionIds: [i1.id, i2.id] });
    const byId = new Map(facts.map((fact) => [fact.institutionId, fact]));
    expect(byId.get(i1.id)).toEqual({
      institutionId: i1.id,
      sessionCostCents: 130000,
      traineeMinutes: 750,
      plannedCents: 200000,
      consumedCents: 135000,
    });
    expect(byId.get(i2.id)).toEqual({
      institutionId: i2.id,
      sessionCostCents: 20000,
      traineeMinutes: 360,
      plannedCents: 50000,
      consumedCents: 20000,
    });
    const { total, byInstitution } = computeCostIndicators(facts);
    const one = byInstitution.find((row) => row.institutionId === i1.id)!.values;
    const two = byInstitution.find((row) => row.institutionId === i2.id)!.values;
    expect(one).toEqual({
      costPerTraineeHour: 104,
      budgetPlanned: 2000,
      budgetConsumed: 1350,
      budgetConsumedRate: 0.675,
    });
    expect(two.costPerTraineeHour).toBeCloseTo(33.3333, 4);
    expect(two.budgetConsumedRate).toBeCloseTo(0.4, 10);
    expect(total.costPerTraineeHour).toBeCloseTo(1500 / 18.5, 10);
    expect(total).toMatchObject({ budgetPlanned: 2500, budgetConsumed: 1550, budgetConsumedRate: 0.62 });
    // The other years see none of it: 2026 has Nouméa's New Year session only.
    const next = await loadCostFacts({ year: 2026, institutionIds: [i2.id] });
    expect(next[0]).toMatchObject({ sessionCostCents: 100000, traineeMinutes: 180, plannedCents: 0 });
  });

  it("without hours or budget the ratios are not computed; a training officer reads only their institution", async () => {
    expect(computeCostIndicators([]).total).toEqual({
      costPerTraineeHour: null,
      budgetPlanned: 0,
      budgetConsumed: 0,
      budgetConsumedRate: null,
    });
    const { i1, i2 } = await seedCosts();
    const officer = await createUserWithRoles({
      institutionId: i2.id,
      roles: [{ role: "TRAINING_OFFICER", institutionId: i2.id }],
    });
    const view = await getCostIndicators(officer, { year: YEAR });
    expect(view.institutions.map((row) => row.institutionId)).toEqual([i2.id]);
    expect(view.total.budgetConsumed).toBe(200);
    expect(view.institutions.some((row) => row.institutionId === i1.id)).toBe(false);
    const agent = await createUserWithRoles({ institutionId: i1.id, roles: [{ role: "AGENT", institutionId: i1.id }] });
    await expect(getCostIndicators(agent, { year: YEAR })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getCostIndicators(officer, { year: 1999 })).rejects.toMatchObject({ code: "INVALID" });
  });
});
