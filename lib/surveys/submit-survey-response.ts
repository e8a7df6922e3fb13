import "server-only";
import { z } from "zod";
import { db, Prisma } from "../db";
import type { TActor } from "../auth/permissions";
import { followUpDelayDays } from "./follow-up-delay";
import { SURVEY_QUESTIONS } from "./survey-questions";
import { localizedAppError } from "../errors/localized-error";
import { invalidInput } from "../errors/invalid-input";

const rating = z.coerce
  .number({ message: "each answer must be a rating from 1 to 5" })
  .int("each answer must be a rating from 1 to 5")
  .min(1, "each answer must be a rating from 1 to 5")
  .max(5, "each answer must be a rating from 1 to 5");

export const ZSurveyResponseInput = z.object({
  courseId: z.string().min(1, "courseId is required"),
  kind: z.enum(["SATISFACTION", "FOLLOW_UP"], { message: "kind must be SATISFACTION or FOLLOW_UP" }),
  answers: z.record(z.string(), rating),
  comment: z.string().max(2000, "comment must be at most 2,000 characters").optional(),
});
export type TSurveyResponseInput = z.infer<typeof ZSurveyResponseInput>;

/** When the actor finished this course (online completion or presence at a session), or null. */
export async function findCompletionDate(userId: string, courseId: string): Promise<Date | null> {
  const [enrolment, attendance] = await Promise.all([
    db.enrolment.findFirst({ where: { userId, courseId, status: "COMPLETED" }, select: { completedAt: true } }),
    db.attendance.findFirst({
      where: { userId, isPresent: true, slot: { session: { courseId } } },
      orderBy: { slot: { endsAt: "desc" } },
      select: { slot: { select: { endsAt: true } } },
    }),
  ]);
  const dates = [enrolment?.completedAt, attendance?.slot.endsAt].filter((date): date is Date => date instanceof Date);
  return dates.length > 0 ? new Date(Math.max(...dates.map((date) => date.getTime()))) : null;
}

/**
 * An agent's answer to the satisfaction survey (after finishing a training) or to the follow-up
 * survey (RELAIS_FOLLOW_UP_DELAY_DAYS later). Each agent answers each survey once per course: the
 * unique index decides, so two concurrent submissions cannot both count.
 */
export async function submitSurveyResponse(actor: TActor, input: TSurveyResponseInput, now = new Date()) {
  const parsed = ZSurveyResponseInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { courseId, kind, answers, comment } = parsed.data;
  const expected = SURVEY_QUESTIONS[kind];
  const missing = expected.filter((code) => answers[code] === undefined);
  const unknown = Object.keys(answers).filter((code) => !expected.includes(code));
  if (missing.length > 0 || unknown.length > 0)
    throw localizedAppError("INVALID", `answers must rate exactly: ${expected.join(", ")}`, {
      messageKey: "errors.surveys.answerEveryQuestion",
      values: {},
    });
  const completedAt = await findCompletionDate(actor.userId, courseId);
  if (!completedAt)
    throw localizedAppError("FORBIDDEN", "You can answer this survey once you have completed the training.", {
      messageKey: "errors.surveys.notCompleted",
      values: {},
    });
  if (kind === "FOLLOW_UP" && now.getTime() - completedAt.getTime() < followUpDelayDays() * 86_400_000) {
    throw localizedAppError(
      "PRECONDITION_FAILED",
      `The follow-up survey opens ${followUpDelayDays()} days after the training.`,
      { messageKey: "errors.surveys.followUpNotOpen", values: { days: followUpDelayDays() } },
    );
  }
  try {
    return await db.$transaction(async (tx) => {
      const response = await tx.surveyResponse.create({
        data: { kind, userId: actor.userId, courseId, answers, comment: comment?.trim() || null },
        select: { id: true },
      });
      await tx.auditLog.create({
        data: {
          actorId: actor.userId,
          action: "survey.answered",
          entityType: "SurveyResponse",
          entityId: response.id,
          institutionId: actor.institutionId,
          data: { kind, courseId },
        },
      });
      return response;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw localizedAppError("CONFLICT", "You have already answered this survey.", {
        messageKey: "errors.surveys.alreadyAnswered",
        values: {},
      });
    throw error;
  }
}
