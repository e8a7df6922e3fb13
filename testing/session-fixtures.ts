// Test data for the sessions area (used by *.test.ts only): a site with rooms, a published
// in-person course, a coordinator and a trainer, each with unique codes.
import { db } from "../lib/db";
import { createInstitution, createUserWithRoles, uniqueCode } from "./fixtures";
import type { TActor } from "../lib/auth/permissions";

const DAY = 24 * 3600_000;

export async function createSiteWithStaff(
  options: { roomCapacity?: number; requiresApproval?: boolean; requiresOnlineBeforeSession?: boolean } = {},
) {
  const institution = await createInstitution();
  const site = await db.relaySite.create({
    data: {
      code: uniqueCode("SITE"),
      name: `Site ${uniqueCode("s")}`,
      institutionId: institution.id,
      regionId: institution.regionId,
      address: "1 rue de la Paix",
      postalCode: "38000",
      city: "Grenoble",
      latitude: 45.19,
      longitude: 5.72,
      rooms: {
        create: [
          { name: "Salle A", capacity: options.roomCapacity ?? 10 },
          { name: "Salle B", capacity: 30 },
        ],
      },
    },
    include: { rooms: { orderBy: { name: "asc" } } },
  });
  const theme = await db.theme.create({ data: { code: uniqueCode("TH"), nameFr: "Thème", nameEn: "Theme" } });
  const course = await db.course.create({
    data: {
      slug: uniqueCode("course"),
      institutionId: institution.id,
      themeId: theme.id,
      trainingType: "T1_ADAPT_POST",
      modality: "HYBRID",
      requiresApproval: options.requiresApproval ?? false,
      requiresOnlineBeforeSession: options.requiresOnlineBeforeSession ?? false,
      versions: {
        create: {
          number: 1,
          status: "PUBLISHED",
          title: "Accueillir le public",
          objectives: "Savoir accueillir.",
          declaredDurationMinutes: 420,
          publishedAt: new Date(),
        },
      },
    },
    include: { versions: true },
  });
  const coordinator = await createUserWithRoles({
    institutionId: institution.id,
    roles: [{ role: "SITE_COORDINATOR", relaySiteId: site.id }],
  });
  const trainer = await createUserWithRoles({
    institutionId: institution.id,
    roles: [{ role: "TRAINER", institutionId: institution.id }],
  });
  return {
    institution,
    site,
    roomA: site.rooms[0]!,
    roomB: site.rooms[1]!,
    course,
    version: course.versions[0]!,
    coordinator,
    trainer,
  };
}

export type TSiteWithStaff = Awaited<ReturnType<typeof createSiteWithStaff>>;

/** A day far in the future, distinct per call, so that tests never clash with each other's bookings. */
let dayCounter = 0;
export function futureDay(): Date {
  dayCounter++;
  // Spread over ~8 years from 2031 so parallel test files rarely share a day (each test has its own rooms anyway).
  const base = Date.UTC(2031, 0, 1) + (Math.floor(Math.random() * 3000) + dayCounter) * DAY;
  return new Date(base);
}

export function morningOf(day: Date, roomId: string, trainerIds: string[]) {
  return {
    startsAt: new Date(day.getTime() + 8 * 3600_000),
    endsAt: new Date(day.getTime() + 11.5 * 3600_000),
    halfDay: "MORNING" as const,
    roomId,
    trainerIds,
  };
}

export function afternoonOf(day: Date, roomId: string, trainerIds: string[]) {
  return {
    startsAt: new Date(day.getTime() + 12.5 * 3600_000),
    endsAt: new Date(day.getTime() + 16 * 3600_000),
    halfDay: "AFTERNOON" as const,
    roomId,
    trainerIds,
  };
}

export async function createAgents(
  institutionId: string,
  count: number,
  options: { managerId?: string } = {},
): Promise<TActor[]> {
  const agents: TActor[] = [];
  for (let index = 0; index < count; index++) {
    const agent = await createUserWithRoles({
      institutionId,
      managerId: options.managerId,
      roles: [{ role: "AGENT", institutionId }],
    });
    await db.user.update({ where: { id: agent.userId }, data: { workplaceLat: 45.76, workplaceLng: 4.84 } });
    agents.push(agent);
  }
  return agents;
}

/** A session that opened registrations, in Salle A, with the given capacity. */
export async function createOpenSession(context: TSiteWithStaff, capacity: number) {
  const day = futureDay();
  return db.trainingSession.create({
    data: {
      courseId: context.course.id,
      courseVersionId: context.version.id,
      siteId: context.site.id,
      capacity,
      status: "OPEN",
      registrationDeadline: new Date(day.getTime() - DAY),
      slots: {
        create: [
          { ...slotData(morningOf(day, context.roomA.id, [context.trainer.userId])) },
          { ...slotData(afternoonOf(day, context.roomA.id, [context.trainer.userId])) },
        ],
      },
    },
    include: { slots: { orderBy: { startsAt: "asc" } } },
  });
}

function slotData(slot: ReturnType<typeof morningOf> | ReturnType<typeof afternoonOf>) {
  return {
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    halfDay: slot.halfDay,
    roomId: slot.roomId,
    checkInCode: uniqueCode("C").slice(2, 8).toUpperCase(),
    trainers: { create: slot.trainerIds.map((userId) => ({ userId })) },
  };
}
