import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { AppError } from "../errors/app-error";

const FOLLOWABLE = new Set(["ACTIVE", "COMPLETED"]);

/**
 * The enrolment a learner follows in the player: theirs, and active or completed. Anyone else's
 * enrolment answers FORBIDDEN (the player is personal; trainers preview through authoring).
 */
export async function getLearnerEnrolmentOrThrow(actor: TActor, enrolmentId: string) {
  assertCan(actor, "course.enrol");
  const enrolment = await db.enrolment.findUnique({
    where: { id: enrolmentId },
    select: {
      id: true,
      userId: true,
      status: true,
      registration: true,
      progressPercent: true,
      scaledScore: true,
      lastActivityKey: true,
      lastVideoSeconds: true,
      completedAt: true,
      course: { select: { id: true, slug: true, modality: true } },
      courseVersion: {
        select: {
          id: true,
          title: true,
          titleEn: true,
          completionRules: true,
          modules: {
            orderBy: { position: "asc" },
            select: {
              id: true,
              title: true,
              titleEn: true,
              activities: {
                orderBy: { position: "asc" },
                select: {
                  id: true,
                  key: true,
                  kind: true,
                  title: true,
                  titleEn: true,
                  isRequired: true,
                  content: true,
                  videoAsset: {
                    select: {
                      id: true,
                      provider: true,
                      status: true,
                      playbackId: true,
                      posterPath: true,
                      mimeType: true,
                      storagePath: true,
                    },
                  },
                  file: { select: { id: true, fileName: true, sizeBytes: true } },
                },
              },
            },
          },
        },
      },
      activityProgress: { where: { isCompleted: true }, select: { activityKey: true } },
      quizAttempts: { select: { activityKey: true, isPassed: true } },
      certificates: {
        where: { revokedAt: null },
        orderBy: { issuedAt: "desc" },
        select: { id: true, kind: true },
      },
    },
  });
  if (!enrolment)
    throw new AppError("NOT_FOUND", "This enrolment does not exist.", {
      messageKey: "errors.codes.NOT_FOUND",
      values: {},
    });
  if (enrolment.userId !== actor.userId)
    throw new AppError("FORBIDDEN", "This enrolment is not yours.", {
      messageKey: "learning.player.notYours",
      values: {},
    });
  if (!FOLLOWABLE.has(enrolment.status))
    throw new AppError("FORBIDDEN", "This enrolment is not active.", {
      messageKey: "learning.player.notActive",
      values: {},
    });
  return enrolment;
}
