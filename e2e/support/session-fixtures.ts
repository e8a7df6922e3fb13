// Sessions written straight into the e2e database for focused journeys: a session of a demo
// course at the Grenoble relay site, with half-days placed where the journey needs them (now,
// in two weeks, yesterday) and registrations of demo accounts. Removed after each test.
import { createPrismaClient } from "../../lib/db/create-client";
import { resolveDatabase } from "../../lib/db/local-database";
import { externalTestDatabaseUrl } from "../../testing/test-database-url";
import { E2E } from "../../scripts/e2e-settings";

type TPrisma = ReturnType<typeof createPrismaClient>;

export async function withE2eDatabase<T>(run: (prisma: TPrisma) => Promise<T>): Promise<T> {
  const handle = await resolveDatabase({
    cluster: E2E.cluster,
    database: "relais_e2e",
    preferredPort: E2E.pgPort,
    externalUrl: externalTestDatabaseUrl("e2e"),
  });
  const prisma = createPrismaClient(handle.databaseUrl, { poolSize: 1 });
  try {
    return await run(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

export type TSessionFixture = { sessionId: string; slotIds: string[]; registrationIds: Record<string, string> };

/** A session of `courseSlug` at SITE-GRE taught by the demo trainer, with confirmed (or other) registrations. */
export async function createSessionFixture(options: {
  courseSlug: string;
  capacity?: number;
  slots: { startsAt: Date; endsAt: Date }[];
  registrations?: { email: string; status?: "CONFIRMED" | "PENDING_APPROVAL" | "WAITLISTED" | "CANCELLED" }[];
  presentEmails?: string[];
  registrationDeadline?: Date;
}): Promise<TSessionFixture> {
  return withE2eDatabase(async (prisma) => {
    const site = await prisma.relaySite.findFirstOrThrow({
      where: { code: "SITE-GRE" },
      select: { id: true, rooms: { select: { id: true }, take: 1 } },
    });
    const course = await prisma.course.findFirstOrThrow({
      where: { slug: options.courseSlug },
      select: { id: true, versions: { where: { status: "PUBLISHED" }, select: { id: true }, take: 1 } },
    });
    const trainer = await prisma.user.findUniqueOrThrow({ where: { email: "trainer@relais.test" } });
    const session = await prisma.trainingSession.create({
      data: {
        courseId: course.id,
        courseVersionId: course.versions[0]!.id,
        siteId: site.id,
        capacity: options.capacity ?? 10,
        status: "OPEN",
        registrationDeadline: options.registrationDeadline ?? new Date(Date.now() - 86_400_000),
        slots: {
          create: options.slots.map((slot, index) => ({
            ...slot,
            roomId: site.rooms[0]!.id,
            halfDay: index % 2 === 0 ? ("MORNING" as const) : ("AFTERNOON" as const),
            checkInCode: `E2E${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
            trainers: { create: [{ userId: trainer.id }] },
          })),
        },
      },
      select: { id: true, slots: { orderBy: { startsAt: "asc" }, select: { id: true } } },
    });
    const registrationIds: Record<string, string> = {};
    for (const registration of options.registrations ?? []) {
      const user = await prisma.user.findUniqueOrThrow({ where: { email: registration.email } });
      const row = await prisma.registration.create({
        data: {
          sessionId: session.id,
          userId: user.id,
          status: registration.status ?? "CONFIRMED",
          waitlistedAt: registration.status === "WAITLISTED" ? new Date() : null,
        },
      });
      registrationIds[registration.email] = row.id;
      if (options.presentEmails?.includes(registration.email))
        await prisma.attendance.createMany({
          data: session.slots.map((slot) => ({
            slotId: slot.id,
            userId: user.id,
            registrationId: row.id,
            isPresent: true,
            method: "ROLL_CALL" as const,
            recordedById: trainer.id,
          })),
        });
    }
    return { sessionId: session.id, slotIds: session.slots.map((slot) => slot.id), registrationIds };
  });
}

export async function removeSessionFixture(sessionId: string): Promise<void> {
  await withE2eDatabase(async (prisma) => {
    await prisma.certificate.deleteMany({ where: { sessionId } });
    await prisma.trainingSession.delete({ where: { id: sessionId } });
  });
}
