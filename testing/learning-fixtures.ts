// Test data for the learning area: a published course with a lesson, a video and a quiz.
import { randomUUID } from "node:crypto";
import { db } from "../lib/db";
import type { CourseVisibility } from "../lib/db/generated/enums";
import { uniqueCode } from "./fixtures";

export const QUIZ_CONTENT = {
  passMark: 0.7,
  attemptLimit: 2,
  questions: [
    {
      id: "q1",
      type: "single",
      prompt: { fr: "Deux plus deux ?", en: "Two plus two?" },
      options: [
        { id: "a", label: { fr: "4", en: "4" } },
        { id: "b", label: { fr: "5", en: "5" } },
      ],
      answer: ["a"],
      feedback: { fr: "C'est 4.", en: "It is 4." },
    },
    {
      id: "q2",
      type: "multiple",
      prompt: { fr: "Nombres pairs ?", en: "Even numbers?" },
      options: [
        { id: "a", label: { fr: "2", en: "2" } },
        { id: "b", label: { fr: "3", en: "3" } },
        { id: "c", label: { fr: "4", en: "4" } },
      ],
      answer: ["a", "c"],
      feedback: { fr: "2 et 4.", en: "2 and 4." },
    },
    {
      id: "q3",
      type: "true_false",
      prompt: { fr: "Le ciel est vert.", en: "The sky is green." },
      answer: [false],
      feedback: { fr: "Non.", en: "No." },
    },
    {
      id: "q4",
      type: "short",
      prompt: { fr: "Capitale de la France ?", en: "Capital of France?" },
      answer: ["Paris"],
      feedback: { fr: "Paris.", en: "Paris." },
    },
  ],
};

export async function createPublishedCourse(options: {
  institutionId: string;
  visibility?: CourseVisibility;
  requiresApproval?: boolean;
  completionRules?: object;
  title?: string;
}) {
  const theme = await db.theme.upsert({
    where: { code: "test-theme" },
    create: { code: "test-theme", nameFr: "Thème test", nameEn: "Test theme" },
    update: {},
  });
  const slug = uniqueCode("course");
  const course = await db.course.create({
    data: {
      slug,
      institutionId: options.institutionId,
      themeId: theme.id,
      trainingType: "T1_ADAPT_POST",
      modality: "ONLINE",
      visibility: options.visibility ?? "NATIONAL",
      requiresApproval: options.requiresApproval ?? false,
      versions: {
        create: {
          number: 1,
          status: "PUBLISHED",
          publishedAt: new Date(),
          title: options.title ?? `Cours ${slug}`,
          titleEn: `Course ${slug}`,
          summary: "Résumé",
          objectives: "Objectifs",
          declaredDurationMinutes: 45,
          completionRules: options.completionRules ?? {
            requiredActivities: "all",
            quizPassRequired: true,
            minimumMinutes: 0,
          },
          modules: {
            create: [
              {
                position: 0,
                title: "Module 1",
                activities: {
                  create: [
                    {
                      key: `${slug}-lesson`,
                      position: 0,
                      kind: "LESSON",
                      title: "Leçon",
                      content: {
                        type: "doc",
                        content: [{ type: "paragraph", content: [{ type: "text", text: "Bonjour" }] }],
                      },
                    },
                    { key: `${slug}-video`, position: 1, kind: "VIDEO", title: "Vidéo", content: {} },
                  ],
                },
              },
              {
                position: 1,
                title: "Module 2",
                activities: {
                  create: [{ key: `${slug}-quiz`, position: 0, kind: "QUIZ", title: "Quiz", content: QUIZ_CONTENT }],
                },
              },
            ],
          },
        },
      },
    },
    select: { id: true, slug: true, versions: { select: { id: true } } },
  });
  return {
    id: course.id,
    slug: course.slug,
    versionId: course.versions[0]!.id,
    keys: { lesson: `${slug}-lesson`, video: `${slug}-video`, quiz: `${slug}-quiz` },
  };
}

export async function createEnrolment(options: {
  userId: string;
  courseId: string;
  versionId: string;
  status?: "ACTIVE" | "PENDING_APPROVAL";
}) {
  return db.enrolment.create({
    data: {
      userId: options.userId,
      courseId: options.courseId,
      courseVersionId: options.versionId,
      registration: randomUUID(),
      status: options.status ?? "ACTIVE",
    },
  });
}
