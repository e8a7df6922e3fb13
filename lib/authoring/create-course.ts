import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { localizedAppError } from "../errors/localized-error";
import { invalidInput } from "../errors/invalid-input";

export const ZCreateCourseInput = z.object({
  institutionId: z.string().min(1).max(40),
  title: z.string().trim().min(3).max(200),
  themeCode: z.string().min(1).max(60),
});
export type TCreateCourseInput = z.infer<typeof ZCreateCourseInput>;

function slugify(title: string): string {
  const base = title
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 50);
  return `${base || "cours"}-${randomUUID().slice(0, 6)}`;
}

/** A trainer starts a course in their institution: the course and its first draft version. */
export async function createCourse(actor: TActor, input: TCreateCourseInput) {
  const parsed = ZCreateCourseInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { institutionId, title, themeCode } = parsed.data;
  assertCan(actor, "course.create", { institutionId });
  const theme = await db.theme.findUnique({ where: { code: themeCode }, select: { id: true } });
  if (!theme)
    throw localizedAppError("INVALID", `themeCode: unknown theme ${themeCode}`, {
      messageKey: "errors.authoring.unknownTheme",
      values: {},
    });
  return db.$transaction(async (tx) => {
    const course = await tx.course.create({
      data: {
        slug: slugify(title),
        institutionId,
        themeId: theme.id,
        trainingType: "T1_ADAPT_POST",
        modality: "ONLINE",
        visibility: "INSTITUTION",
        createdById: actor.userId,
        versions: {
          create: {
            number: 1,
            status: "DRAFT",
            title,
            declaredDurationMinutes: 60,
            completionRules: { requiredActivities: "all", quizPassRequired: true, minimumMinutes: 0 },
          },
        },
      },
      select: { id: true, slug: true },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "course.created",
        entityType: "Course",
        entityId: course.id,
        institutionId,
        data: { title },
      },
    });
    return course;
  });
}
