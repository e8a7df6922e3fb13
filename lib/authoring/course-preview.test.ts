import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";
import { draftWith } from "../../testing/authoring-fixtures";
import { createCourse } from "./create-course";
import { getCourseDraft } from "./get-course-draft";
import { saveCourseDraft } from "./save-course-draft";
import { getCoursePreview } from "./get-course-preview";
import { findUnsafeLinks, toLinkHref } from "./link-href";
import { findQuizProblems } from "./find-quiz-problems";

async function setUp() {
  const [a, b] = [await createInstitution(), await createInstitution()];
  await db.theme.upsert({
    where: { code: "test-theme" },
    create: { code: "test-theme", nameFr: "Thème test", nameEn: "Test theme" },
    update: {},
  });
  const trainerA = await createUserWithRoles({
    institutionId: a.id,
    roles: [{ role: "TRAINER", institutionId: a.id }],
  });
  const trainerB = await createUserWithRoles({
    institutionId: b.id,
    roles: [{ role: "TRAINER", institutionId: b.id }],
  });
  const agentA = await createUserWithRoles({ institutionId: a.id, roles: [{ role: "AGENT", institutionId: a.id }] });
  const course = await createCourse(trainerA, { institutionId: a.id, title: "Prévisualiser", themeCode: "test-theme" });
  const { draft } = await getCourseDraft(trainerA, course.id);
  await saveCourseDraft(trainerA, {
    courseId: course.id,
    versionId: draft.id,
    revision: draft.revision,
    draft: draftWith("Prévisualiser", "Texte de la leçon"),
  });
  return { a, trainerA, trainerB, agentA, course, draftId: draft.id };
}

/**
 * Every row an answer could leave, for the previewing trainer, the course or its institution (scoped,
 * so that other test files writing at the same time cannot move the figures).
 */
async function countRecords(options: { courseId: string; userId: string; institutionId: string }) {
  const enrolment = { OR: [{ courseId: options.courseId }, { userId: options.userId }] };
  const [statements, attempts, progress, enrolments, versions, audits] = await Promise.all([
    db.xapiStatement.count({
      where: { OR: [{ writerUserId: options.userId }, { institutionId: options.institutionId }] },
    }),
    db.quizAttempt.count({ where: { enrolment } }),
    db.activityProgress.count({ where: { enrolment } }),
    db.enrolment.count({ where: enrolment }),
    db.courseVersion.count({ where: { courseId: options.courseId } }),
    db.auditLog.count({ where: { OR: [{ actorId: options.userId }, { institutionId: options.institutionId }] } }),
  ]);
  return { statements, attempts, progress, enrolments, versions, audits };
}

describe("course preview: the draft in the player, nothing recorded (real database)", () => {
  it("scores a quiz answered in the preview with its feedback, and records nothing", async () => {
    const { a, trainerA, course } = await setUp();
    const scope = { courseId: course.id, userId: trainerA.userId, institutionId: a.id };
    const before = await countRecords(scope);
    const lesson = await getCoursePreview(trainerA, {
      courseId: course.id,
      requestedKey: null,
      answers: null,
      locale: "fr",
    });
    expect(lesson.current).toMatchObject({ key: "lecon-1", kind: "LESSON" });
    expect(lesson.current?.lessonHtml).toContain("Texte de la leçon");
    expect(lesson.nextHref).toBe(`/trainer/courses/${course.id}/preview?activity=quiz-1`);

    const quiz = await getCoursePreview(trainerA, {
      courseId: course.id,
      requestedKey: "quiz-1",
      answers: { q1: "a", q2: ["a", "b"] },
      locale: "en",
    });
    // The browser sees no answer before submitting; after, each question's verdict and feedback.
    expect(JSON.stringify(quiz.current?.quiz?.questions)).not.toContain("answer");
    expect(quiz.current?.quiz?.result?.questions.slice(0, 2)).toEqual([
      { id: "q1", isCorrect: true, feedback: { fr: "C'est 4.", en: "It is 4." } },
      { id: "q2", isCorrect: false, feedback: { fr: "2 et 4.", en: "2 and 4." } },
    ]);
    expect(quiz.current?.quiz?.result?.isPassed).toBe(false);
    expect(await countRecords(scope)).toEqual(before);
  });

  it("refuses another institution's trainer and an agent; an unknown course is not found", async () => {
    const { trainerB, agentA, course } = await setUp();
    const input = { courseId: course.id, requestedKey: null, answers: null, locale: "fr" as const };
    await expect(getCoursePreview(trainerB, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getCoursePreview(agentA, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getCoursePreview(trainerB, { ...input, courseId: "nope" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses to save a lesson link that is not http(s) or mailto, whatever its disguise", async () => {
    const { trainerA, course, draftId } = await setUp();
    const current = await db.courseVersion.findUniqueOrThrow({ where: { id: draftId }, select: { revision: true } });
    for (const href of [
      "javascript:alert(1)",
      " java\tscript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "data:text/html,x",
      "vbscript:x",
    ]) {
      const draft = draftWith("Lien piégé");
      draft.modules[0]!.activities[0]!.content = {
        type: "doc",
        content: [
          { type: "paragraph", content: [{ type: "text", text: "clic", marks: [{ type: "link", attrs: { href } }] }] },
        ],
      } as never;
      await expect(
        saveCourseDraft(trainerA, { courseId: course.id, versionId: draftId, revision: current.revision, draft }),
      ).rejects.toMatchObject({ code: "INVALID", details: { messageKey: "errors.authoring.unsafeLink" } });
    }
    expect((await db.courseVersion.findUniqueOrThrow({ where: { id: draftId } })).revision).toBe(current.revision);
  });

  it("refuses a quiz question without a correct answer or with an empty option, naming the problem", async () => {
    const { trainerA, course, draftId } = await setUp();
    const { revision } = await db.courseVersion.findUniqueOrThrow({
      where: { id: draftId },
      select: { revision: true },
    });
    const draft = draftWith("Quiz incomplet");
    const quiz = draft.modules[0]!.activities[1]!.content as { questions: { options?: { label: { fr: string } }[] }[] };
    quiz.questions[0]!.options![1]!.label.fr = "  ";
    await expect(
      saveCourseDraft(trainerA, { courseId: course.id, versionId: draftId, revision, draft }),
    ).rejects.toMatchObject({
      code: "INVALID",
      details: { messageKey: "learning.authoring.quiz.errors.optionRequired" },
    });
  });
});

describe("lesson links and quiz problems (pure rules)", () => {
  it("keeps http(s) and mailto addresses only", () => {
    expect(toLinkHref("https://www.enseignementsup-recherche.gouv.fr/")).toBe(
      "https://www.enseignementsup-recherche.gouv.fr/",
    );
    expect(toLinkHref("www.service-public.fr")).toBe("https://www.service-public.fr/");
    expect(toLinkHref("mailto:formation@univ.fr")).toBe("mailto:formation@univ.fr");
    for (const bad of [
      "javascript:alert(1)",
      "java\nscript:alert(1)",
      "ftp://x.fr",
      "mailto:",
      "https://",
      "notaurl",
      "",
    ])
      expect(toLinkHref(bad)).toBeNull();
    expect(
      findUnsafeLinks({
        type: "doc",
        content: [
          { type: "text", text: "x", marks: [{ type: "bold" }, { type: "link", attrs: { href: "javascript:x" } }] },
        ],
      }),
    ).toEqual(["content.content[0]"]);
  });

  it("names each quiz problem by question, field and option", () => {
    expect(findQuizProblems({ questions: [] })).toEqual([
      { questionIndex: -1, field: "questions", messageKey: "learning.authoring.quiz.errors.noQuestion" },
    ]);
    const problems = findQuizProblems({
      questions: [
        {
          id: "q1",
          type: "multiple",
          prompt: { fr: "" },
          options: [
            { id: "a", label: { fr: "Oui" } },
            { id: "b", label: { fr: "" } },
          ],
          answer: ["z"],
        },
        { id: "q2", type: "short", prompt: { fr: "Capitale ?" }, answer: [" "] },
      ],
    });
    expect(problems.map((problem) => [problem.questionIndex, problem.field, problem.optionIndex])).toEqual([
      [0, "prompt", undefined],
      [0, "option", 1],
      [0, "answer", undefined],
      [1, "accepted", undefined],
    ]);
  });
});
