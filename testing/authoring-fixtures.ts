// Test data for authoring: a valid draft (a lesson and a quiz) with given title and lesson text.
import type { TDraft } from "../lib/authoring/draft-schema";
import { QUIZ_CONTENT } from "./learning-fixtures";
import { ZCompletionRules } from "../lib/learning/completion-rules";

const lesson = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
export function draftWith(title: string, lessonText = "Bonjour"): TDraft {
  return {
    course: {
      title,
      summary: "Résumé",
      objectives: "Objectif",
      declaredDurationMinutes: 30,
      themeCode: "test-theme",
      trainingType: "T1_ADAPT_POST",
      modality: "ONLINE",
      language: "fr",
      visibility: "NATIONAL",
      requiresApproval: false,
      requiresOnlineBeforeSession: false,
      completionRules: ZCompletionRules.parse({ requiredActivities: "all", quizPassRequired: true, minimumMinutes: 0 }),
    },
    modules: [
      {
        title: "Module 1",
        activities: [
          { key: "lecon-1", kind: "LESSON", title: "Leçon", isRequired: true, content: lesson(lessonText) as never },
          { key: "quiz-1", kind: "QUIZ", title: "Quiz", isRequired: true, content: QUIZ_CONTENT as never },
        ],
      },
    ],
  };
}
