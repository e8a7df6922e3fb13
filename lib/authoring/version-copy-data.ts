import type { Prisma } from "../db/generated/client";

/** The fields of a version that a new draft copies (a course's next draft, a library adaptation). */
export type TVersionToCopy = {
  title: string;
  titleEn: string | null;
  summary: string;
  summaryEn: string | null;
  objectives: string;
  objectivesEn: string | null;
  declaredDurationMinutes: number;
  completionRules: Prisma.JsonValue;
  modules: {
    title: string;
    titleEn: string | null;
    activities: {
      key: string;
      kind: Prisma.ActivityCreateWithoutModuleInput["kind"];
      title: string;
      titleEn: string | null;
      isRequired: boolean;
      content: Prisma.JsonValue;
      videoAssetId: string | null;
      fileId: string | null;
      packageId?: string | null;
    }[];
  }[];
};

/**
 * The nested create of a draft copied from a version: its fields, modules and activities in their
 * order. `keyOf` names each copied activity (the same key for a course's own next draft; a derived
 * one for an adaptation, whose xAPI activities must not merge with the original's).
 */
export function versionCopyData(
  version: TVersionToCopy,
  keyOf: (key: string) => string = (key) => key,
): Omit<Prisma.CourseVersionUncheckedCreateInput, "courseId" | "number" | "status"> {
  return {
    title: version.title,
    titleEn: version.titleEn,
    summary: version.summary,
    summaryEn: version.summaryEn,
    objectives: version.objectives,
    objectivesEn: version.objectivesEn,
    declaredDurationMinutes: version.declaredDurationMinutes,
    completionRules: version.completionRules ?? {},
    modules: {
      create: version.modules.map((module, position) => ({
        position,
        title: module.title,
        titleEn: module.titleEn,
        activities: {
          create: module.activities.map((activity, activityPosition) => ({
            key: keyOf(activity.key),
            position: activityPosition,
            kind: activity.kind,
            title: activity.title,
            titleEn: activity.titleEn,
            isRequired: activity.isRequired,
            content: activity.content ?? {},
            videoAssetId: activity.videoAssetId,
            fileId: activity.fileId,
            packageId: activity.packageId,
          })),
        },
      })),
    },
  };
}
