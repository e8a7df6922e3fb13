import "server-only";
import { db } from "../db";
import { followUpDelayDays } from "./follow-up-delay";

const KIND = "survey.followUp";

/**
 * The follow-up job: invites (in-app notification) every agent whose online training was
 * completed at least `delayDays` ago and who has neither answered nor been invited. Idempotent:
 * running it twice sends nothing new, so it can be scheduled daily and retried freely.
 */
export async function sendDueFollowUpSurveys(options: { now?: Date; delayDays?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - (options.delayDays ?? followUpDelayDays()) * 86_400_000);
  const due = await db.enrolment.findMany({
    where: { status: "COMPLETED", completedAt: { lte: cutoff } },
    select: {
      userId: true,
      courseId: true,
      courseVersion: { select: { title: true } },
      user: { select: { surveyResponses: { where: { kind: "FOLLOW_UP" }, select: { courseId: true } } } },
    },
  });
  const invited = await db.notification.findMany({
    where: { kind: KIND, userId: { in: due.map((row) => row.userId) } },
    select: { userId: true, link: true },
  });
  const seen = new Set(invited.map((row) => `${row.userId}|${row.link}`));
  const toSend = due.filter(
    (row) =>
      !seen.has(`${row.userId}|/surveys/${row.courseId}/FOLLOW_UP`) &&
      !row.user.surveyResponses.some((response) => response.courseId === row.courseId),
  );
  if (toSend.length === 0) return 0;
  await db.notification.createMany({
    data: toSend.map((row) => ({
      userId: row.userId,
      kind: KIND,
      link: `/surveys/${row.courseId}/FOLLOW_UP`,
      title: "Questionnaire de suivi",
      body: `Quelques mois après « ${row.courseVersion.title} », qu'en avez-vous retiré ?`,
    })),
  });
  return toSend.length;
}
