import { randomUUID } from "node:crypto";
import { test, expect } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { E2E } from "../../scripts/e2e-settings";
import { withE2eDatabase } from "../support/database";
import { actionStateReply, serverActionId } from "../support/server-actions";

// Issue 12 §5: 50 agents register for the last seat at once, over real HTTP, through the
// registration server action as the browser calls it (Next-Action header, React's reply
// encoding). Every request must get an answer — the seat or the waitlist — never INTERNAL.
const AGENTS = 50;
const ROUNDS = 3;
const SECRET = "relais-e2e-secret-relais-e2e-secret"; // scripts/e2e-server.ts
const baseURL = `http://localhost:${E2E.appPort}`;

test("50 agents registering at once for the last seat all get an answer: one seat, the rest on the waitlist", async () => {
  test.setTimeout(300_000);
  await withE2eDatabase(async (prisma) => {
    const code = `e2e-burst-${randomUUID().slice(0, 8)}`;
    const actionId = serverActionId("registerAction");
    const sessionIds: string[] = [];
    try {
      const course = await prisma.course.findFirstOrThrow({
        where: {
          visibility: "NATIONAL",
          requiresApproval: false,
          requiresOnlineBeforeSession: false,
          versions: { some: { status: "PUBLISHED" } },
        },
        select: {
          id: true,
          institutionId: true,
          versions: { where: { status: "PUBLISHED" }, select: { id: true }, take: 1 },
        },
      });
      const room = await prisma.room.findFirstOrThrow({ select: { id: true, siteId: true } });
      await prisma.user.createMany({
        data: Array.from({ length: AGENTS }, (_, index) => ({
          id: `${code}-${index}`,
          email: `${code}-${index}@test.relais`,
          name: `Agent ${index}`,
          institutionId: course.institutionId,
        })),
      });
      await prisma.roleMembership.createMany({
        data: Array.from({ length: AGENTS }, (_, index) => ({
          userId: `${code}-${index}`,
          role: "AGENT" as const,
          institutionId: course.institutionId,
        })),
      });
      const cookies = await Promise.all(
        Array.from({ length: AGENTS }, async (_, index) => {
          const userId = `${code}-${index}`;
          const token = await encode({ token: { sub: userId, userId }, secret: SECRET });
          return `next-auth.session-token=${token}`;
        }),
      );
      const rounds: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const startsAt = new Date(Date.now() + (40 + round) * 86_400_000);
        const session = await prisma.trainingSession.create({
          data: {
            courseId: course.id,
            courseVersionId: course.versions[0]!.id,
            siteId: room.siteId,
            capacity: 1,
            status: "OPEN",
            registrationDeadline: new Date(startsAt.getTime() - 86_400_000),
            slots: {
              create: {
                roomId: room.id,
                halfDay: "MORNING",
                startsAt,
                endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
              },
            },
          },
        });
        sessionIds.push(session.id);
        const started = Date.now();
        const answers = await Promise.all(
          cookies.map(async (cookie) => {
            const response = await fetch(`${baseURL}/sessions/${session.id}`, {
              method: "POST",
              headers: { cookie, "next-action": actionId, accept: "text/x-component", origin: baseURL },
              body: actionStateReply({ sessionId: session.id }),
            });
            return { status: response.status, text: await response.text() };
          }),
        );
        const elapsed = Date.now() - started;
        expect(answers.map((answer) => answer.status)).toEqual(cookies.map(() => 200));
        // The action answers { ok: true } or the mapped error: never INTERNAL, never a timeout.
        for (const answer of answers) {
          expect(answer.text).toContain('"ok":true');
          expect(answer.text).not.toMatch(/INTERNAL|Unable to start a transaction|unexpected error/i);
        }
        const registrations = await prisma.registration.groupBy({
          by: ["status"],
          where: { sessionId: session.id },
          _count: true,
        });
        const byStatus = Object.fromEntries(registrations.map((row) => [row.status, row._count]));
        expect(byStatus).toEqual({ CONFIRMED: 1, WAITLISTED: AGENTS - 1 });
        rounds.push(`round ${round + 1}: ${AGENTS} answers in ${elapsed} ms`);
      }
      console.log(rounds.join("\n"));
    } finally {
      const userIds = Array.from({ length: AGENTS }, (_, index) => `${code}-${index}`);
      await prisma.notification.deleteMany({ where: { userId: { in: userIds } } });
      await prisma.registrationStatusChange.deleteMany({ where: { registration: { sessionId: { in: sessionIds } } } });
      await prisma.registration.deleteMany({ where: { sessionId: { in: sessionIds } } });
      await prisma.auditLog.deleteMany({ where: { actorId: { in: userIds } } });
      await prisma.trainingSession.deleteMany({ where: { id: { in: sessionIds } } });
      await prisma.user.deleteMany({ where: { id: { in: userIds } } });
    }
  }, 2);
});
