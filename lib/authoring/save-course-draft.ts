import "server-only";
import { packageWhereAuthor } from "../packages/package-where-author";
import { keyedError } from "../errors/localized-error";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { getAuthorableCourseOrThrow } from "./get-authorable-course";
import { ZDraft } from "./draft-schema";
import { videoWhereAuthor } from "../video/video-visibility";
import { fileWhereAuthor } from "../uploads/file-visibility";
import { localizedAppError } from "../errors/localized-error";
import { invalidInput } from "../errors/invalid-input";

export const ZSaveCourseDraftInput = z.object({
  courseId: z.string().min(1).max(40),
  versionId: z.string().min(1).max(40),
  /** The revision the editor loaded: a save based on an older one is refused (409), never merged silently. */
  revision: z.number().int().min(0),
  draft: z.unknown(),
});
export type TSaveCourseDraftInput = z.infer<typeof ZSaveCourseDraftInput>;

export const CONFLICT_MESSAGE =
  "Someone else saved this course after you opened it. Your changes are kept in this page: copy them, reload to see the other version, then apply them again.";

/** Autosave of a draft with optimistic concurrency on CourseVersion.revision. Returns the new revision. */
export async function saveCourseDraft(actor: TActor, input: TSaveCourseDraftInput): Promise<{ revision: number }> {
  const parsedInput = ZSaveCourseDraftInput.safeParse(input);
  if (!parsedInput.success) throw invalidInput(parsedInput.error);
  const parsedDraft = ZDraft.safeParse(parsedInput.data.draft);
  if (!parsedDraft.success) throw invalidInput(parsedDraft.error);
  const { courseId, versionId, revision } = parsedInput.data;
  const { course: fields, modules } = parsedDraft.data;

  const keys = modules.flatMap((module) => module.activities.map((activity) => activity.key)).filter(Boolean);
  const duplicate = keys.find((key, index) => keys.indexOf(key) !== index);
  if (duplicate)
    throw localizedAppError("INVALID", `modules: the activity key ${duplicate} appears twice`, {
      messageKey: "errors.authoring.duplicateActivityKey",
      values: { key: duplicate },
    });

  const videoIds = [
    ...new Set(
      modules.flatMap((module) =>
        module.activities.flatMap((activity) =>
          activity.kind === "VIDEO" && activity.videoAssetId ? [activity.videoAssetId] : [],
        ),
      ),
    ),
  ];
  const fileIds = [
    ...new Set(
      modules.flatMap((module) =>
        module.activities.flatMap((activity) => (activity.kind === "FILE" && activity.fileId ? [activity.fileId] : [])),
      ),
    ),
  ];

  const packageIds = [
    ...new Set(
      modules.flatMap((module) =>
        module.activities.flatMap((activity) =>
          activity.kind === "PACKAGE" && activity.packageId ? [activity.packageId] : [],
        ),
      ),
    ),
  ];

  return db.$transaction(async (tx) => {
    const course = await getAuthorableCourseOrThrow(tx, actor, courseId);
    const usablePackages = packageIds.length
      ? await tx.contentPackage.count({ where: { id: { in: packageIds }, ...packageWhereAuthor(actor) } })
      : 0;
    if (usablePackages !== packageIds.length) throw keyedError("INVALID", "errors.packages.notFound");
    // A draft may only point at videos its author may use: no borrowing another institution's asset by id.
    const usable = videoIds.length
      ? await tx.videoAsset.count({ where: { id: { in: videoIds }, ...videoWhereAuthor(actor) } })
      : 0;
    if (usable !== videoIds.length)
      throw localizedAppError(
        "INVALID",
        "modules: a video activity points at a video that does not exist or that you may not use",
        { messageKey: "errors.authoring.unknownVideo", values: {} },
      );
    const usableFiles = fileIds.length
      ? await tx.storedFile.count({
          where: { id: { in: fileIds }, storagePath: { startsWith: "files/" }, ...fileWhereAuthor(actor) },
        })
      : 0;
    if (usableFiles !== fileIds.length)
      throw localizedAppError(
        "INVALID",
        "modules: a file activity points at a document that does not exist or that you may not use",
        { messageKey: "errors.authoring.unknownDocument", values: {} },
      );
    const theme = await tx.theme.findUnique({ where: { code: fields.themeCode }, select: { id: true } });
    if (!theme)
      throw localizedAppError("INVALID", `course.themeCode: unknown theme ${fields.themeCode}`, {
        messageKey: "errors.authoring.unknownTheme",
        values: {},
      });
    // Compare-and-set: only the editor holding the current revision may write.
    const { count } = await tx.courseVersion.updateMany({
      where: { id: versionId, courseId, status: "DRAFT", revision },
      data: {
        revision: { increment: 1 },
        title: fields.title,
        titleEn: fields.titleEn || null,
        summary: fields.summary,
        summaryEn: fields.summaryEn || null,
        objectives: fields.objectives,
        objectivesEn: fields.objectivesEn || null,
        declaredDurationMinutes: fields.declaredDurationMinutes,
        completionRules: fields.completionRules,
      },
    });
    if (count === 0) {
      const version = await tx.courseVersion.findFirst({
        where: { id: versionId, courseId },
        select: { status: true },
      });
      if (!version)
        throw localizedAppError("NOT_FOUND", "This draft does not exist.", {
          messageKey: "errors.authoring.draftNotFound",
          values: {},
        });
      if (version.status !== "DRAFT")
        throw localizedAppError(
          "CONFLICT",
          "This version has been published and can no longer be edited. Reload to edit a new draft.",
          { messageKey: "errors.authoring.alreadyPublished", values: {} },
        );
      throw localizedAppError("CONFLICT", CONFLICT_MESSAGE, {
        messageKey: "errors.authoring.editConflict",
        values: {},
      });
    }
    await tx.course.update({
      where: { id: courseId },
      data: {
        themeId: theme.id,
        trainingType: fields.trainingType,
        modality: fields.modality,
        language: fields.language,
        visibility: fields.visibility,
        requiresApproval: fields.requiresApproval,
        requiresOnlineBeforeSession: fields.modality === "HYBRID" && fields.requiresOnlineBeforeSession,
      },
    });
    await tx.courseModule.deleteMany({ where: { versionId } });
    for (const [position, module] of modules.entries()) {
      await tx.courseModule.create({
        data: {
          versionId,
          position,
          title: module.title,
          titleEn: module.titleEn || null,
          activities: {
            create: module.activities.map((activity, activityPosition) => ({
              key: activity.key ?? `${course.slug}-${randomUUID().slice(0, 8)}`,
              position: activityPosition,
              kind: activity.kind,
              title: activity.title,
              titleEn: activity.titleEn || null,
              isRequired: activity.isRequired,
              content: activity.content as object,
              videoAssetId: activity.kind === "VIDEO" ? (activity.videoAssetId ?? null) : null,
              fileId: activity.kind === "FILE" ? (activity.fileId ?? null) : null,
              packageId: activity.kind === "PACKAGE" ? (activity.packageId ?? null) : null,
            })),
          },
        },
      });
    }
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "course.draft.saved",
        entityType: "CourseVersion",
        entityId: versionId,
        institutionId: course.institutionId,
        data: { revision: revision + 1 },
      },
    });
    return { revision: revision + 1 };
  });
}
