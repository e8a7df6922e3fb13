// A small data set whose every indicator was computed by hand (see indicators.test.ts).
// Relay sites sit in the Southern Ocean (lat -60) so that no other test's site is nearer.
import { randomUUID } from "node:crypto";
import { db } from "../lib/db";
import type { Modality, TrainingType } from "../lib/db/generated/enums";
import { createInstitution, createRegion, uniqueCode } from "./fixtures";

/**
 * `yearShift` moves every date and headcount year by that many years (keep it a multiple of 4 so
 * that leap years stay in place): test files that refresh the rollups of a year use their own.
 */
export async function createHandComputedDataSet(options: { yearShift?: number } = {}) {
  const shift = options.yearShift ?? 0;
  const day = (iso: string) => new Date(`${Number(iso.slice(0, 4)) + shift}${iso.slice(4)}Z`);
  const [r1, r2] = [await createRegion(), await createRegion()];
  const [a, b] = [await createInstitution({ regionId: r1.id }), await createInstitution({ regionId: r2.id })];
  const theme = await db.theme.create({ data: { code: uniqueCode("TH"), nameFr: "Thème", nameEn: "Theme" } });
  const site = (institutionId: string, regionId: string, lat: number) =>
    db.relaySite.create({
      data: {
        code: uniqueCode("SITE"),
        name: "Site",
        institutionId,
        regionId,
        address: "1 rue",
        postalCode: "00000",
        city: "Ville",
        latitude: lat,
        longitude: 100,
      },
      select: { id: true },
    });
  await site(a.id, r1.id, -60.0); // institution A's site: where its in-person courses would otherwise be held
  const siteB = await site(b.id, r2.id, -60.1);
  const room = await db.room.create({ data: { siteId: siteB.id, name: "Salle", capacity: 20 } });
  const course = async (modality: Modality, trainingType: TrainingType, declaredDurationMinutes: number) => {
    const row = await db.course.create({
      data: {
        slug: uniqueCode("course"),
        institutionId: a.id,
        themeId: theme.id,
        trainingType,
        modality,
        versions: { create: { number: 1, status: "PUBLISHED", title: "Cours", declaredDurationMinutes } },
      },
      select: { id: true, versions: { select: { id: true } } },
    });
    return { id: row.id, versionId: row.versions[0]!.id };
  };
  const c1 = await course("ONLINE", "T1_ADAPT_POST", 120);
  const c2 = await course("IN_PERSON", "STATUTORY", 360);
  const c3 = await course("HYBRID", "T3_QUALIFICATION", 180);
  const user = (
    institutionId: string,
    dims: {
      staffCategory: "A" | "B" | "C";
      population: "TEACHING_RESEARCH" | "ADMIN_TECHNICAL" | "CONTRACT";
      sex: "FEMALE" | "MALE" | "NOT_RECORDED";
    },
    lat?: number,
  ) =>
    db.user.create({
      data: {
        email: `${uniqueCode("agent")}@test.relais`,
        name: "Agent",
        institutionId,
        ...dims,
        workplaceLat: lat ?? null,
        workplaceLng: lat === undefined ? null : 100,
        memberships: { create: { role: "AGENT", institutionId } },
      },
      select: { id: true },
    });
  const u1 = await user(a.id, { staffCategory: "A", population: "TEACHING_RESEARCH", sex: "FEMALE" }, -60.2);
  const u2 = await user(a.id, { staffCategory: "B", population: "ADMIN_TECHNICAL", sex: "MALE" });
  const u3 = await user(b.id, { staffCategory: "C", population: "CONTRACT", sex: "NOT_RECORDED" });
  const u4 = await user(b.id, { staffCategory: "A", population: "TEACHING_RESEARCH", sex: "FEMALE" });

  const enrol = (
    userId: string,
    c: { id: string; versionId: string },
    status: "ACTIVE" | "COMPLETED" | "REFUSED" | "CANCELLED",
    enrolledAt: string,
    completedAt?: string,
    scaledScore?: number,
  ) =>
    db.enrolment.create({
      data: {
        userId,
        courseId: c.id,
        courseVersionId: c.versionId,
        registration: randomUUID(),
        status,
        enrolledAt: day(enrolledAt),
        completedAt: completedAt ? day(completedAt) : null,
        scaledScore: scaledScore ?? null,
      },
    });
  await enrol(u1.id, c1, "COMPLETED", "2026-03-02T10:00:00", "2026-03-05T10:00:00", 0.8); // e1
  await enrol(u2.id, c1, "COMPLETED", "2026-02-10T10:00:00", "2026-03-10T10:00:00", 0.6); // e2: enrolled before the period
  await enrol(u3.id, c3, "COMPLETED", "2026-03-03T10:00:00", "2026-03-20T10:00:00"); // e3: not assessed
  await enrol(u4.id, c1, "ACTIVE", "2026-03-04T10:00:00"); // e4
  await enrol(u4.id, c3, "REFUSED", "2026-03-06T10:00:00"); // e5: refused, never counted
  await enrol(u2.id, c3, "CANCELLED", "2026-03-07T10:00:00"); // e6: counted as an enrolment, not completed
  await enrol(u1.id, c3, "COMPLETED", "2026-01-05T10:00:00", "2026-02-20T10:00:00", 1); // e7: wholly before the period

  const session = async (c: { id: string; versionId: string }, slots: [string, string][]) =>
    db.trainingSession.create({
      data: {
        courseId: c.id,
        courseVersionId: c.versionId,
        siteId: siteB.id,
        capacity: 10,
        registrationDeadline: day("2026-03-01T00:00:00"),
        status: "DONE",
        slots: {
          create: slots.map(([startsAt, endsAt]) => ({
            roomId: room.id,
            halfDay: "MORNING" as const,
            startsAt: day(startsAt),
            endsAt: day(endsAt),
          })),
        },
      },
      select: { id: true, slots: { orderBy: { startsAt: "asc" }, select: { id: true } } },
    });
  const s2 = await session(c2, [
    ["2026-03-12T09:00:00", "2026-03-12T12:00:00"],
    ["2026-03-12T13:30:00", "2026-03-12T17:00:00"],
    ["2026-03-13T09:00:00", "2026-03-13T12:00:00"],
    ["2026-04-02T09:00:00", "2026-04-02T12:00:00"],
  ]);
  const s3 = await session(c3, [["2026-03-25T09:00:00", "2026-03-25T12:00:00"]]);
  const attend = async (
    sessionRow: typeof s2,
    userId: string,
    distanceKm: number | null,
    presence: Record<number, boolean>,
  ) => {
    const registration = await db.registration.create({
      data: { sessionId: sessionRow.id, userId, status: "CONFIRMED", distanceKm },
      select: { id: true },
    });
    await db.attendance.createMany({
      data: Object.entries(presence).map(([index, isPresent]) => ({
        slotId: sessionRow.slots[Number(index)]!.id,
        userId,
        registrationId: registration.id,
        isPresent,
        method: "ROLL_CALL" as const,
      })),
    });
  };
  await attend(s2, u1.id, 11.1, { 0: true, 1: true, 2: false });
  await attend(s2, u3.id, null, { 2: true });
  await attend(s2, u2.id, null, { 3: true }); // after the period
  await attend(s2, u4.id, null, { 0: false }); // absent
  await attend(s3, u3.id, 5, { 0: true });

  await db.surveyResponse.createMany({
    data: [
      {
        kind: "SATISFACTION",
        userId: u1.id,
        courseId: c1.id,
        answers: { q1: 5, q2: 4 },
        submittedAt: day("2026-03-06T10:00:00"),
      },
      {
        kind: "SATISFACTION",
        userId: u2.id,
        courseId: c1.id,
        answers: { q1: 3, q2: 3, q3: 3 },
        submittedAt: day("2026-03-11T10:00:00"),
      },
      {
        kind: "SATISFACTION",
        userId: u3.id,
        courseId: c3.id,
        answers: { q1: 4 },
        submittedAt: day("2026-04-05T10:00:00"),
      },
      {
        kind: "FOLLOW_UP",
        userId: u1.id,
        courseId: c2.id,
        answers: { q1: 4, q2: 2 },
        comment: "Utile",
        submittedAt: day("2026-03-28T10:00:00"),
      },
    ],
  });
  await db.headcount.createMany({
    data: [
      {
        institutionId: a.id,
        year: 2026 + shift,
        staffCategory: "A",
        population: "TEACHING_RESEARCH",
        sex: "FEMALE",
        count: 10,
      },
      {
        institutionId: a.id,
        year: 2026 + shift,
        staffCategory: "B",
        population: "ADMIN_TECHNICAL",
        sex: "MALE",
        count: 10,
      },
      {
        institutionId: b.id,
        year: 2026 + shift,
        staffCategory: "C",
        population: "CONTRACT",
        sex: "NOT_RECORDED",
        count: 5,
      },
      {
        institutionId: b.id,
        year: 2026 + shift,
        staffCategory: "A",
        population: "TEACHING_RESEARCH",
        sex: "FEMALE",
        count: 15,
      },
      {
        institutionId: a.id,
        year: 2025 + shift,
        staffCategory: "A",
        population: "TEACHING_RESEARCH",
        sex: "FEMALE",
        count: 1000,
      },
    ],
  });
  return { r1, r2, a, b, theme, siteB, room, courses: { c1, c2, c3 }, users: { u1, u2, u3, u4 } };
}
