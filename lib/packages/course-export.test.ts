import { randomUUID } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createInstitution, createUserWithRoles, uniqueCode } from "../../testing/fixtures";
import { startAu } from "../../testing/cmi5-au";
import { exportCoursePackage } from "./export-course-package";
import { getPackageLaunch } from "./get-package-launch";
import { importPackage } from "./import-package";

const LESSON = {
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "Le principe de laïcité concerne tous les agents." }] },
  ],
};
const QUIZ = {
  passMark: 0.5,
  questions: [
    {
      id: "q1",
      type: "single",
      prompt: { fr: "La laïcité s'applique-t-elle aux agents ?" },
      options: [
        { id: "o1", label: { fr: "Oui" } },
        { id: "o2", label: { fr: "Non" } },
      ],
      answer: ["o1"],
    },
  ],
};

async function courseWithActivities(
  institutionId: string,
  activities: {
    key: string;
    kind: "LESSON" | "QUIZ" | "PACKAGE";
    title: string;
    content?: object;
    packageId?: string;
  }[],
) {
  const theme = await db.theme.upsert({
    where: { code: "test-theme" },
    create: { code: "test-theme", nameFr: "Thème", nameEn: "Theme" },
    update: {},
  });
  return db.course.create({
    data: {
      slug: uniqueCode("export"),
      institutionId,
      themeId: theme.id,
      trainingType: "T1_ADAPT_POST",
      modality: "ONLINE",
      visibility: "NATIONAL",
      versions: {
        create: {
          number: 1,
          status: "PUBLISHED",
          publishedAt: new Date(),
          title: "Laïcité & service public",
          summary: "Résumé",
          objectives: "Objectifs",
          declaredDurationMinutes: 30,
          completionRules: { requiredActivities: "all", quizPassRequired: true, minimumMinutes: 0 },
          modules: {
            create: [
              {
                position: 0,
                title: "Module 1",
                activities: { create: activities.map((activity, position) => ({ ...activity, position })) },
              },
            ],
          },
        },
      },
    },
    select: { id: true, slug: true, versions: { select: { id: true } } },
  });
}

describe("exporting a course as a package", () => {
  it("exports cmi5 that Relais imports back through the cmi5 path and follows to completion", async () => {
    const institution = await createInstitution();
    const trainer = await createUserWithRoles({
      institutionId: institution.id,
      roles: [{ role: "TRAINER", institutionId: institution.id }],
    });
    const source = await courseWithActivities(institution.id, [
      { key: "lesson-1", kind: "LESSON", title: "Le principe", content: LESSON },
      { key: "quiz-1", kind: "QUIZ", title: "Vérifier", content: QUIZ },
    ]);

    const exported = await exportCoursePackage(trainer, { courseId: source.id, format: "cmi5" });
    const zip = await JSZip.loadAsync(exported.zip);
    const structure = await zip.file("cmi5.xml")!.async("string");
    expect(structure).toContain('moveOn="Completed"');
    expect(structure).toContain('moveOn="Passed" masteryScore="0.5"');
    expect(structure).toContain("Laïcité &amp; service public");
    expect(await zip.file("m1a1/index.html")!.async("string")).toContain(
      "Le principe de laïcité concerne tous les agents.",
    );
    expect(await zip.file("m1a2/index.html")!.async("string")).toContain('name="q-q1" value="o1"');

    // Imported back (the cmi5 path) as the only activity of another course, followed by a learner.
    const folder = await mkdtemp(path.join(tmpdir(), "relais-export-"));
    await writeFile(path.join(folder, "export.zip"), exported.zip);
    const imported = await importPackage(trainer, { zipPath: path.join(folder, "export.zip") });
    expect(imported).toMatchObject({
      standard: "CMI5",
      launchPath: "m1a1/index.html",
      title: "Laïcité & service public",
    });
    const target = await courseWithActivities(institution.id, [
      { key: "package-1", kind: "PACKAGE", title: imported.title, packageId: imported.id },
    ]);
    const learner = await createUserWithRoles({
      institutionId: institution.id,
      roles: [{ role: "AGENT", institutionId: institution.id }],
    });
    const enrolment = await db.enrolment.create({
      data: {
        userId: learner.userId,
        courseId: target.id,
        courseVersionId: target.versions[0]!.id,
        registration: randomUUID(),
        status: "ACTIVE",
      },
    });

    // What the exported client does: initialized, then completed (lesson) / passed (quiz), terminated.
    const lessonLaunch = await getPackageLaunch(learner, { enrolmentId: enrolment.id, activityKey: "package-1" });
    expect(new URL(lessonLaunch.src).pathname).toMatch(/\/m1a1\/index\.html$/);
    const lesson = await startAu(lessonLaunch.src);
    expect(await lesson.send("initialized")).toBe(204);
    expect(await lesson.send("completed", { moveOn: true, result: { completion: true, duration: "PT30S" } })).toBe(204);
    expect(await lesson.send("terminated", { result: { duration: "PT31S" } })).toBe(204);
    expect((await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })).status).toBe("ACTIVE");

    const quizLaunch = await getPackageLaunch(learner, { enrolmentId: enrolment.id, activityKey: "package-1" });
    expect(new URL(quizLaunch.src).pathname).toMatch(/\/m1a2\/index\.html$/);
    const quiz = await startAu(quizLaunch.src);
    expect(quiz.launchData.masteryScore).toBe(0.5);
    expect(await quiz.send("initialized")).toBe(204);
    expect(
      await quiz.send("passed", { moveOn: true, result: { success: true, score: { scaled: 1 }, duration: "PT20S" } }),
    ).toBe(204);
    expect(await quiz.send("terminated", { result: { duration: "PT21S" } })).toBe(204);
    expect((await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })).status).toBe("COMPLETED");
  });

  it("exports SCORM 1.2 with one SCO per activity, and only for the course's authors", async () => {
    const institution = await createInstitution();
    const trainer = await createUserWithRoles({
      institutionId: institution.id,
      roles: [{ role: "TRAINER", institutionId: institution.id }],
    });
    const source = await courseWithActivities(institution.id, [
      { key: "lesson-1", kind: "LESSON", title: "Le principe", content: LESSON },
      { key: "quiz-1", kind: "QUIZ", title: "Vérifier", content: QUIZ },
    ]);
    const exported = await exportCoursePackage(trainer, { courseId: source.id, format: "scorm12" });
    const manifest = await (await JSZip.loadAsync(exported.zip)).file("imsmanifest.xml")!.async("string");
    expect(manifest).toContain("<schemaversion>1.2</schemaversion>");
    expect(manifest).toContain("<adlcp:masteryscore>50</adlcp:masteryscore>");
    const folder = await mkdtemp(path.join(tmpdir(), "relais-export-"));
    await writeFile(path.join(folder, "scorm.zip"), exported.zip);
    expect(await importPackage(trainer, { zipPath: path.join(folder, "scorm.zip") })).toMatchObject({
      standard: "SCORM_12",
    });

    const other = await createInstitution();
    const outsider = await createUserWithRoles({
      institutionId: other.id,
      roles: [{ role: "TRAINER", institutionId: other.id }],
    });
    await expect(exportCoursePackage(outsider, { courseId: source.id, format: "cmi5" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const learner = await createUserWithRoles({
      institutionId: institution.id,
      roles: [{ role: "AGENT", institutionId: institution.id }],
    });
    await expect(exportCoursePackage(learner, { courseId: source.id, format: "cmi5" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(exportCoursePackage(trainer, { courseId: source.id, format: "zip" })).rejects.toMatchObject({
      code: "INVALID",
    });
  });
});
