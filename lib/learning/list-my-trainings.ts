import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";

/** The actor's own enrolments, newest first, with the version they follow. */
export async function listMyTrainings(actor: TActor) {
  return db.enrolment.findMany({
    where: { userId: actor.userId },
    orderBy: { enrolledAt: "desc" },
    select: {
      id: true,
      status: true,
      progressPercent: true,
      completedAt: true,
      course: { select: { slug: true, modality: true } },
      courseVersion: { select: { title: true, titleEn: true, declaredDurationMinutes: true } },
    },
  });
}
