// The editable shape of a course draft, validated at the authoring boundary. Lessons are tiptap
// JSON (rendered only through lib/learning/render-lesson-html.ts); images must carry alt text.
import { z } from "zod";
import { ZQuizContent } from "../learning/quiz";
import { ZCompletionRules } from "../learning/completion-rules";
import { findInputProblem } from "../input/find-input-problem";
import { MAX_LESSON_DEPTH } from "../learning/render-lesson-html";
import { findUnsafeLinks } from "./link-href";
import { findQuizProblems } from "./find-quiz-problems";

const ZKey = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, "lowercase letters, digits and dashes");

type TTiptapNode = { type?: unknown; attrs?: Record<string, unknown>; content?: unknown };

/** Paths of image nodes without alternative text (alt text is required, RGAA 1.1). */
export function findImagesWithoutAlt(node: unknown, path = "content"): string[] {
  if (typeof node !== "object" || node === null) return [];
  const { type, attrs, content } = node as TTiptapNode;
  const here = type === "image" && !(typeof attrs?.alt === "string" && attrs.alt.trim().length > 0) ? [path] : [];
  const children = Array.isArray(content)
    ? content.flatMap((child, index) => findImagesWithoutAlt(child, `${path}.content[${index}]`))
    : [];
  return [...here, ...children];
}

const ZLessonContent = z
  .object({ type: z.literal("doc"), content: z.array(z.unknown()).max(2000) })
  .passthrough()
  .superRefine((doc, context) => {
    // Bounded before any recursive walk (the alt-text check below, the renderer): a 20,000-level
    // document would overflow the stack. Two JSON levels per node, as the renderer counts them.
    const problem = findInputProblem(doc, { maxDepth: 2 * MAX_LESSON_DEPTH + 2 });
    if (problem) {
      context.addIssue({ code: "custom", message: `${problem.path || "content"}: ${problem.kind}` });
      return;
    }
    for (const path of findImagesWithoutAlt(doc))
      context.addIssue({ code: "custom", message: `image at ${path} needs alternative text` });
    // A forged save cannot store a javascript: (or any other scheme's) link; the dialog says so first.
    for (const path of findUnsafeLinks(doc))
      context.addIssue({ code: "custom", message: "errors.authoring.unsafeLink", path: [path] });
  });

/** A quiz learners can take: the editor's field-by-field checks, enforced on save too. */
const ZDraftQuizContent = ZQuizContent.superRefine((quiz, context) => {
  for (const problem of findQuizProblems(quiz))
    context.addIssue({
      code: "custom",
      message: problem.messageKey,
      path: [
        "questions",
        problem.questionIndex,
        problem.field,
        ...(problem.optionIndex === undefined ? [] : [problem.optionIndex]),
      ],
    });
});

const ZActivityBase = {
  key: ZKey.optional(),
  title: z.string().trim().min(1).max(200),
  titleEn: z.string().trim().max(200).nullish(),
  isRequired: z.boolean().default(true),
};

export const ZDraftActivity = z.discriminatedUnion("kind", [
  z.object({ ...ZActivityBase, kind: z.literal("LESSON"), content: ZLessonContent }),
  z.object({ ...ZActivityBase, kind: z.literal("QUIZ"), content: ZDraftQuizContent }),
  z.object({
    ...ZActivityBase,
    kind: z.literal("VIDEO"),
    content: z.object({ transcript: z.string().max(20_000).optional() }).passthrough(),
    videoAssetId: z.string().max(40).nullish(),
  }),
  z.object({
    ...ZActivityBase,
    kind: z.literal("FILE"),
    content: z.object({}).passthrough(),
    fileId: z.string().max(40).nullish(),
  }),
  z.object({
    ...ZActivityBase,
    kind: z.literal("PACKAGE"),
    content: z.object({ packageTitle: z.string().max(200).optional() }).passthrough(),
    packageId: z.string().max(40).nullish(),
  }),
]);
export type TDraftActivity = z.infer<typeof ZDraftActivity>;

export const ZCourseFields = z.object({
  title: z.string().trim().min(3).max(200),
  titleEn: z.string().trim().max(200).nullish(),
  summary: z.string().trim().max(2000),
  summaryEn: z.string().trim().max(2000).nullish(),
  objectives: z.string().trim().max(4000),
  objectivesEn: z.string().trim().max(4000).nullish(),
  declaredDurationMinutes: z.number().int().min(5).max(100_000),
  themeCode: z.string().min(1).max(60),
  trainingType: z.enum([
    "STATUTORY",
    "T1_ADAPT_POST",
    "T2_JOB_CHANGE",
    "T3_QUALIFICATION",
    "EXAM_PREPARATION",
    "SKILLS_ASSESSMENT",
  ]),
  modality: z.enum(["ONLINE", "IN_PERSON", "HYBRID"]),
  language: z.enum(["fr", "en"]),
  visibility: z.enum(["INSTITUTION", "NATIONAL"]),
  requiresApproval: z.boolean(),
  /** Hybrid courses: registering to a session needs the online part completed first. */
  requiresOnlineBeforeSession: z.boolean().default(false),
  completionRules: ZCompletionRules,
});
export type TCourseFields = z.infer<typeof ZCourseFields>;

export const ZDraft = z.object({
  course: ZCourseFields,
  modules: z
    .array(
      z.object({
        title: z.string().trim().min(1).max(200),
        titleEn: z.string().trim().max(200).nullish(),
        activities: z.array(ZDraftActivity).max(100),
      }),
    )
    .max(50),
});
export type TDraft = z.infer<typeof ZDraft>;
