import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { createUserWithRoles } from "../../testing/fixtures";
import { computeIndicators, type TIndicatorResult } from "./compute-indicators";
import { computeMonthlySeries } from "./compute-monthly-series";
import { getIndicatorDashboard } from "./get-indicator-dashboard";
import { createHandComputedDataSet } from "../../testing/hand-computed-data-set";
import { loadIndicatorFacts } from "./load-indicator-facts";
import { dayMask, monthEdges, wholeMonthSpans } from "./count-rollup-trainees";
import { getRollupFreshness, loadRollupIndicators } from "./load-rollup-indicators";
import { refreshIndicatorRollups } from "./refresh-indicator-rollups";
import { periodOf } from "./scope";
import { BREAKDOWNS, type TBreakdown, type TPeriod } from "./types";

/**
 * Both paths under the same scales, never the national row (another test file may change it
 * meanwhile); agents stay from 20 km so that the data set has stays and daily trips alike.
 */
const PINNED_SCALES = { kmAllowanceCents: 30, mealCents: 1500, overnightCents: 8000, overnightFromKm: 20 };

let data: Awaited<ReturnType<typeof createHandComputedDataSet>>;
beforeAll(async () => {
  // The hand-computed set moved to 2030 (and 2029): no other test file rolls those years up.
  data = await createHandComputedDataSet({ yearShift: 4 });
  // Late 2029: u1 is trained in 2029 and 2030 (counted once over both), u4 in 2029 only.
  const course = await db.course.create({
    data: {
      slug: `late-${randomUUID()}`,
      institutionId: data.a.id,
      themeId: data.theme.id,
      trainingType: "T2_JOB_CHANGE",
      modality: "ONLINE",
      versions: { create: { number: 1, status: "PUBLISHED", title: "Cours", declaredDurationMinutes: 90 } },
    },
    select: { id: true, versions: { select: { id: true } } },
  });
  for (const [userId, completedAt] of [
    [data.users.u1.id, "2029-12-14T10:00:00Z"],
    [data.users.u4.id, "2029-11-20T10:00:00Z"],
  ] as const) {
    await db.enrolment.create({
      data: {
        userId,
        courseId: course.id,
        courseVersionId: course.versions[0]!.id,
        registration: randomUUID(),
        status: "COMPLETED",
        enrolledAt: new Date("2029-11-02T10:00:00Z"),
        completedAt: new Date(completedAt),
      },
    });
  }
  // Mid-2028: u2 (trained again in 2030) counts once over the three years.
  await db.enrolment.create({
    data: {
      userId: data.users.u2.id,
      courseId: course.id,
      courseVersionId: course.versions[0]!.id,
      registration: randomUUID(),
      status: "COMPLETED",
      enrolledAt: new Date("2028-06-01T10:00:00Z"),
      completedAt: new Date("2028-06-10T10:00:00Z"),
    },
  });
  // A three-day session of course c2 straddling March and April 2030, attended by u1 all three
  // days, 11.1 km from the site: under PINNED_SCALES u1 would have stayed at institution A's site
  // (22.2 km), so the saving is in cents, not in kilometres, and it is spread over the three days.
  const s4 = await db.trainingSession.create({
    data: {
      courseId: data.courses.c2.id,
      courseVersionId: data.courses.c2.versionId,
      siteId: data.siteB.id,
      capacity: 10,
      registrationDeadline: new Date("2030-03-01T00:00:00Z"),
      status: "DONE",
      slots: {
        create: ["2030-03-30", "2030-03-31", "2030-04-01"].map((date) => ({
          roomId: data.room.id,
          halfDay: "MORNING" as const,
          startsAt: new Date(`${date}T09:00:00Z`),
          endsAt: new Date(`${date}T12:00:00Z`),
        })),
      },
    },
    select: { id: true, slots: { select: { id: true } } },
  });
  const registration = await db.registration.create({
    data: { sessionId: s4.id, userId: data.users.u1.id, status: "CONFIRMED", distanceKm: 11.1 },
    select: { id: true },
  });
  await db.attendance.createMany({
    data: s4.slots.map((slot) => ({
      slotId: slot.id,
      userId: data.users.u1.id,
      registrationId: registration.id,
      isPresent: true,
      method: "ROLL_CALL" as const,
    })),
  });
  // Latest year first: the counts of the later years must be redone by the refresh of an earlier one.
  await refreshIndicatorRollups({ year: 2030, missionScales: PINNED_SCALES });
  await refreshIndicatorRollups({ year: 2029, missionScales: PINNED_SCALES });
  await refreshIndicatorRollups({ year: 2028, missionScales: PINNED_SCALES });
});

const loadFacts = async (period: TPeriod) => ({
  ...(await loadIndicatorFacts(scopeOf(period))),
  missionScales: PINNED_SCALES,
});

const scopeOf = (period: TPeriod) => ({ institutionIds: [data.a.id, data.b.id], period });

function expectSameFigures(rollup: TIndicatorResult, raw: TIndicatorResult) {
  expect(rollup.isEmpty).toBe(raw.isEmpty);
  expect(rollup.rows.map((row) => row.key)).toEqual(raw.rows.map((row) => row.key));
  for (const [index, figures] of [rollup.total, ...rollup.rows.map((row) => row.figures)].entries()) {
    const expected = index === 0 ? raw.total : raw.rows[index - 1]!.figures;
    expect(Object.keys(figures)).toEqual(Object.keys(expected));
    for (const [key, value] of Object.entries(figures)) {
      const want = expected[key] ?? null;
      if (want === null) expect(value, key).toBeNull();
      else expect(value, key).toBeCloseTo(want, 9);
    }
  }
}

describe("rollup tables give the same figures as the raw rows (hand-computed data set)", () => {
  const periods: [string, TPeriod][] = [
    ["March 2030", periodOf({ from: "2030-03-01", to: "2030-03-31" })],
    ["12 to 25 March (days inside a month)", periodOf({ from: "2030-03-12", to: "2030-03-25" })],
    ["winter 2029-2030 (two years)", periodOf({ from: "2029-11-15", to: "2030-04-03" })],
    ["the whole of 2030 (month masks up to December)", periodOf({ from: "2030-01-01", to: "2030-12-31" })],
    ["February to April 2030 (whole months)", periodOf({ from: "2030-02-01", to: "2030-04-30" })],
    ["November 2029 to March 2030 (whole months over two years)", periodOf({ from: "2029-11-01", to: "2030-03-31" })],
    ["2029 and 2030 (two whole years)", periodOf({ from: "2029-01-01", to: "2030-12-31" })],
    ["2028 to 2030 (three whole years)", periodOf({ from: "2028-01-01", to: "2030-12-31" })],
    ["July 2028 to March 2030 (whole months over three years)", periodOf({ from: "2028-07-01", to: "2030-03-31" })],
    ["June 2028 to December 2029 (whole months over two years)", periodOf({ from: "2028-06-01", to: "2029-12-31" })],
    ["an empty half-year", periodOf({ from: "2029-01-01", to: "2029-06-30" })],
    [
      "1 January to 15 November 2030 (year to date: whole months and a partial one)",
      periodOf({ from: "2030-01-01", to: "2030-11-15" }),
    ],
    [
      "15 February to 2 April 2030 (partial months around a whole one)",
      periodOf({ from: "2030-02-15", to: "2030-04-02" }),
    ],
    ["20 February to 12 March 2030 (two partial months)", periodOf({ from: "2030-02-20", to: "2030-03-12" })],
  ];
  for (const [name, period] of periods) {
    it(`${name}, every breakdown`, async () => {
      const facts = await loadFacts(period);
      for (const breakdown of BREAKDOWNS) {
        const raw = computeIndicators(facts, breakdown);
        const series = computeMonthlySeries(facts).map((point) => ({
          ...point,
          hours: expect.closeTo(point.hours, 9) as unknown as number,
        }));
        // Whole months read the pre-counted trainees, other periods the per-agent rows: both, always.
        for (const perAgentRows of [false, true]) {
          const rollup = await loadRollupIndicators(scopeOf(period), breakdown as TBreakdown, { perAgentRows });
          expectSameFigures(rollup, raw);
          expect(rollup.series).toEqual(series);
        }
      }
    });
  }

  it("the hand-computed March figures through the rollup path", async () => {
    const { total, rows } = await loadRollupIndicators(
      scopeOf(periodOf({ from: "2030-03-01", to: "2030-03-31" })),
      "region",
    );
    expect(total).toMatchObject({
      trainees: 3,
      agentsInPost: 40,
      enrolments: 4,
      completions: 3,
      completionRate: 0.5,
      trainingHours: 25.5, // 19.5 + s4's two March mornings
      tripsAvoided: 3,
      surveyResponses: 3,
    });
    expect(total.satisfaction).toBe(3.75);
    expect(rows.find((row) => row.key === data.r1.id)!.figures).toMatchObject({
      trainees: 2,
      accessRate: 0.1,
      trainingHours: 16.5,
    });
  });

  it("a refresh replaces the year rather than adding to it", async () => {
    const before = await loadRollupIndicators(scopeOf(periodOf({ from: "2030-01-01", to: "2030-12-31" })), "none");
    await refreshIndicatorRollups({ year: 2030, missionScales: PINNED_SCALES });
    const after = await loadRollupIndicators(scopeOf(periodOf({ from: "2030-01-01", to: "2030-12-31" })), "none");
    expect(after.total).toEqual(before.total);
  });

  it("the dashboard reads the rollups when every year of the period is rolled up, with their refresh time", async () => {
    const officer = await createUserWithRoles({
      institutionId: data.a.id,
      roles: [{ role: "TRAINING_OFFICER", institutionId: data.a.id }],
    });
    const rolled = await getIndicatorDashboard(officer, { from: "2030-03-01", to: "2030-03-31", breakdown: "none" });
    const refreshed = await db.indicatorRollupYear.findUniqueOrThrow({ where: { year: 2030 } });
    expect(rolled).toMatchObject({ source: "rollup", computedAt: refreshed.refreshedAt });
    expect(rolled.total.trainees).toBe(2); // still only the officer's institution: u1, u2
    await expect(
      getIndicatorDashboard(officer, {
        from: "2030-03-01",
        to: "2030-03-31",
        breakdown: "none",
        institutionId: data.b.id,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // 2019 was never rolled up: the raw path answers, computed now.
    expect(await getRollupFreshness(periodOf({ from: "2019-06-01", to: "2030-03-31" }))).toBeNull();
    const raw = await getIndicatorDashboard(officer, { from: "2019-06-01", to: "2030-03-31", breakdown: "none" });
    expect(raw.source).toBe("raw");
  });
});

describe("whole-month spans (pre-counted trainees)", () => {
  it("cover whole months of up to six years, nothing else", () => {
    expect(wholeMonthSpans(periodOf({ from: "2030-03-01", to: "2030-03-31" }))).toEqual([
      { year: 2030, months: 0b100 },
    ]);
    expect(wholeMonthSpans(periodOf({ from: "2030-01-01", to: "2030-12-31" }))).toEqual([
      { year: 2030, months: 0xfff },
    ]);
    expect(wholeMonthSpans(periodOf({ from: "2029-11-01", to: "2030-02-28" }))).toEqual([
      { year: 2029, months: (1 << 10) | (1 << 11) },
      { year: 2030, months: 0b11 },
    ]);
    expect(wholeMonthSpans(periodOf({ from: "2030-03-01", to: "2030-03-30" }))).toBeNull(); // a day short
    expect(wholeMonthSpans(periodOf({ from: "2030-03-02", to: "2030-03-31" }))).toBeNull();
    expect(wholeMonthSpans(periodOf({ from: "2028-12-01", to: "2030-01-31" }))).toEqual([
      { year: 2028, months: 1 << 11 },
      { year: 2029, months: 0xfff },
      { year: 2030, months: 1 },
    ]);
    expect(wholeMonthSpans(periodOf({ from: "2024-01-01", to: "2030-01-31" }))).toBeNull(); // seven years: DISTINCT agents
  });
});

describe("month edges (periods within a year, not in whole months)", () => {
  it("split into whole months and the partial months' days (bit 30 - d = day d + 1)", () => {
    expect(monthEdges(periodOf({ from: "2030-01-01", to: "2030-11-15" }))).toEqual({
      year: 2030,
      months: 0b1111111111,
      edges: [{ month: 10, label: "2030-11", days: (2 ** 31 - 1) ^ (2 ** 16 - 1) }],
    });
    expect(monthEdges(periodOf({ from: "2030-02-28", to: "2030-04-01" }))).toEqual({
      year: 2030,
      months: 1 << 2,
      edges: [
        { month: 1, label: "2030-02", days: 1 << 3 },
        { month: 3, label: "2030-04", days: 1 << 30 },
      ],
    });
    expect(monthEdges(periodOf({ from: "2029-12-31", to: "2030-01-01" }))).toBeNull();
  });
});

describe("day masks", () => {
  it("cover exactly the period's days of that year, leap day included", () => {
    const mask = dayMask(2024, periodOf({ from: "2023-12-01", to: "2024-01-02" }));
    expect(mask.slice(0, 3)).toBe("110");
    expect(mask).toHaveLength(366);
    expect(dayMask(2024, periodOf({ from: "2024-12-31", to: "2029-02-01" })).indexOf("1")).toBe(365);
    expect(dayMask(2029, periodOf({ from: "2030-01-01", to: "2030-02-01" }))).not.toContain("1");
  });
});
