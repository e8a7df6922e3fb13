// A published online course whose only activity is an imported package, for the package tests.
import { randomUUID } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { db } from "../lib/db";
import { importPackage } from "../lib/packages/import-package";
import { createInstitution, createUserWithRoles, uniqueCode } from "./fixtures";
import { writeZip, type TZipEntryInput } from "./zip-writer";

/** A published online course whose only activity is the imported package, and an enrolled learner. */
export async function createPackageCourse(entries: TZipEntryInput[]) {
  const institution = await createInstitution();
  const trainer = await createUserWithRoles({
    institutionId: institution.id,
    roles: [{ role: "TRAINER", institutionId: institution.id }],
  });
  const folder = await mkdtemp(path.join(tmpdir(), "relais-package-"));
  await writeFile(path.join(folder, "p.zip"), writeZip(entries));
  const imported = await importPackage(trainer, { zipPath: path.join(folder, "p.zip") });
  const theme = await db.theme.upsert({
    where: { code: "test-theme" },
    create: { code: "test-theme", nameFr: "Thème", nameEn: "Theme" },
    update: {},
  });
  const slug = uniqueCode("course");
  const key = `${slug}-package`;
  const course = await db.course.create({
    data: {
      slug,
      institutionId: institution.id,
      themeId: theme.id,
      trainingType: "T1_ADAPT_POST",
      modality: "ONLINE",
      visibility: "NATIONAL",
      versions: {
        create: {
          number: 1,
          status: "PUBLISHED",
          publishedAt: new Date(),
          title: "Cours à paquet",
          summary: "Résumé",
          objectives: "Objectifs",
          declaredDurationMinutes: 30,
          completionRules: { requiredActivities: "all", quizPassRequired: true, minimumMinutes: 0 },
          modules: {
            create: [
              {
                position: 0,
                title: "Module",
                activities: {
                  create: [{ key, position: 0, kind: "PACKAGE", title: imported.title, packageId: imported.id }],
                },
              },
            ],
          },
        },
      },
    },
    select: { id: true, versions: { select: { id: true } } },
  });
  const learner = await createUserWithRoles({
    institutionId: institution.id,
    roles: [{ role: "AGENT", institutionId: institution.id }],
  });
  const enrolment = await db.enrolment.create({
    data: {
      userId: learner.userId,
      courseId: course.id,
      courseVersionId: course.versions[0]!.id,
      registration: randomUUID(),
      status: "ACTIVE",
    },
  });
  return { institution, learner, trainer, enrolment, key, slug, imported };
}
