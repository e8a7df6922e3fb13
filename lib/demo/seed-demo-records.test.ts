import { describe, expect, it } from "vitest";
import { createPrismaClient } from "../db/create-client";
import { migrateDatabase, recreateDatabase } from "../db/migrate";
import { assertLocalDatabase } from "../../testing/assert-local-database";
import { ZCertificateDetails } from "../certificates/issue-certificate";
import { recomputeEnrolmentProgress } from "../learning/recompute-enrolment-progress";
import { ZQuizContent } from "../learning/quiz";
import { assertDemoCourseValid, loadDemoContent } from "./content";
import { seedDemoData } from "./seed-demo-data";

// The seed empties every table: it gets a database of its own, beside the shared test database.
function demoDatabaseUrl(): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `${url.pathname}_demo_records`;
  return url.toString();
}

function localParts(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return { weekday: get("weekday"), minutes: Number(get("hour")) * 60 + Number(get("minute")) };
}

describe("demo content", () => {
  it("every demo course passes the editor's and the player's schemas; the accessible-documents quiz is readable", () => {
    const { courses } = loadDemoContent();
    for (const course of courses) expect(() => assertDemoCourseValid(course)).not.toThrow();
    const quiz = courses
      .find((course) => course.slug === "documents-accessibles")!
      .modules.flatMap((module) => module.activities)
      .find((activity) => activity.kind === "QUIZ")!;
    expect(ZQuizContent.safeParse(quiz.content).success).toBe(true);
    // The quiz as it was (attemptLimit 0, an empty accepted answer) is refused, naming the file.
    const broken = structuredClone(courses.find((course) => course.slug === "documents-accessibles")!);
    const brokenQuiz = broken.modules.flatMap((module) => module.activities).find((a) => a.kind === "QUIZ")!;
    (brokenQuiz.content as { attemptLimit: number }).attemptLimit = 0;
    expect(() => assertDemoCourseValid(broken)).toThrow(/documents-accessibles\.json.*attemptLimit/);
  });
});

describe("demo data obey the rules (own database)", () => {
  it("no completion or certificate without its basis, progress as the projection computes it, sessions on weekdays in working hours", async () => {
    const databaseUrl = demoDatabaseUrl();
    assertLocalDatabase(databaseUrl);
    await recreateDatabase(databaseUrl);
    await migrateDatabase({ databaseUrl });
    const prisma = createPrismaClient(databaseUrl, { poolSize: 2 });
    try {
      await seedDemoData(prisma);
      const enrolments = await prisma.enrolment.findMany({
        where: { status: { in: ["ACTIVE", "COMPLETED"] } },
        select: { id: true, status: true, progressPercent: true, course: { select: { modality: true } } },
      });
      expect(enrolments.filter((row) => row.status === "COMPLETED").length).toBeGreaterThan(20);
      expect(enrolments.some((row) => row.status === "COMPLETED" && row.course.modality !== "ONLINE")).toBe(false);
      // The projection, run again on the seeded facts, agrees with every stored figure.
      await prisma
        .$transaction(
          async (tx) => {
            for (const enrolment of enrolments) {
              const result = await recomputeEnrolmentProgress(tx, enrolment.id);
              expect({ id: enrolment.id, isComplete: result.isComplete, progress: result.progressPercent }).toEqual({
                id: enrolment.id,
                isComplete: enrolment.status === "COMPLETED",
                progress: enrolment.progressPercent,
              });
            }
            throw new Error("rollback");
          },
          { timeout: 60_000 },
        )
        .catch((error: unknown) => {
          if (!(error instanceof Error && error.message === "rollback")) throw error;
        });

      const certificates = await prisma.certificate.findMany({
        select: {
          kind: true,
          verificationCode: true,
          details: true,
          userId: true,
          enrolment: { select: { status: true } },
          session: {
            select: {
              status: true,
              registrations: { select: { userId: true, status: true } },
              slots: { select: { attendances: { where: { isPresent: true }, select: { userId: true } } } },
            },
          },
        },
      });
      expect(certificates.some((row) => row.kind === "ATTENDANCE")).toBe(true);
      for (const certificate of certificates) {
        expect(certificate.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
        expect(ZCertificateDetails.safeParse(certificate.details).success).toBe(true);
        if (certificate.kind === "ACHIEVEMENT") expect(certificate.enrolment?.status).toBe("COMPLETED");
        else {
          const session = certificate.session!;
          expect(session.status).toBe("DONE");
          expect(session.registrations).toContainEqual({ userId: certificate.userId, status: "CONFIRMED" });
          expect(session.slots.some((slot) => slot.attendances.some((row) => row.userId === certificate.userId))).toBe(
            true,
          );
        }
      }

      const slots = await prisma.sessionSlot.findMany({
        select: {
          startsAt: true,
          endsAt: true,
          session: { select: { site: { select: { institution: { select: { timeZone: true } } } } } },
        },
      });
      expect(slots.length).toBeGreaterThan(10);
      for (const slot of slots) {
        const timeZone = slot.session.site.institution?.timeZone ?? "Europe/Paris";
        const start = localParts(slot.startsAt, timeZone);
        const end = localParts(slot.endsAt, timeZone);
        expect(["Mon", "Tue", "Wed", "Thu", "Fri"]).toContain(start.weekday);
        expect(start.minutes).toBeGreaterThanOrEqual(8 * 60);
        expect(end.minutes).toBeLessThanOrEqual(18 * 60);
        expect(end.weekday).toBe(start.weekday);
      }
    } finally {
      await prisma.$disconnect();
    }
  }, 180_000);
});
