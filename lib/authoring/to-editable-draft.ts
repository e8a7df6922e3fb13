import type { TDraft } from "./draft-schema";
import { parseCompletionRules } from "../learning/completion-rules";
import type { getCourseDraft } from "./get-course-draft";

type TLoaded = Awaited<ReturnType<typeof getCourseDraft>>;

/** The stored draft in the editor's shape (the same shape saveCourseDraft validates). */
export function toEditableDraft({ course, draft }: TLoaded): TDraft {
  return {
    course: {
      title: draft.title,
      titleEn: draft.titleEn,
      summary: draft.summary,
      summaryEn: draft.summaryEn,
      objectives: draft.objectives,
      objectivesEn: draft.objectivesEn,
      declaredDurationMinutes: draft.declaredDurationMinutes,
      themeCode: course.theme.code,
      trainingType: course.trainingType,
      modality: course.modality,
      language: course.language === "en" ? "en" : "fr",
      visibility: course.visibility,
      requiresApproval: course.requiresApproval,
      requiresOnlineBeforeSession: course.requiresOnlineBeforeSession,
      completionRules: parseCompletionRules(draft.completionRules),
    },
    modules: draft.modules.map((module) => ({
      title: module.title,
      titleEn: module.titleEn,
      activities: module.activities.map(
        (activity) =>
          ({
            key: activity.key,
            kind: activity.kind,
            title: activity.title,
            titleEn: activity.titleEn,
            isRequired: activity.isRequired,
            content: activity.content,
            videoAssetId: activity.videoAssetId,
            fileId: activity.fileId,
            packageId: activity.packageId,
          }) as TDraft["modules"][number]["activities"][number],
      ),
    })),
  };
}
