import { describe, expect, it } from "vitest";
import { db } from "../db";
import type { TStoredStatement } from "../lrs/types";
import { xapiActivityId, xapiAgentForUser } from "../lrs/xapi-identifiers";
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";
import { createEnrolment } from "../../testing/learning-fixtures";
import { projectStatements } from "../learning/project-statements";
import { buildStatement } from "../learning/xapi-statement";
import { ACTIVITY_TYPE } from "../learning/xapi-vocabulary";
import { createCourse } from "./create-course";
import { getCourseDraft } from "./get-course-draft";
import { saveCourseDraft } from "./save-course-draft";
import { publishCourseDraft } from "./publish-course-draft";
import { migrateLearnersToLatestVersion } from "./migrate-learners-to-latest-version";
import { getVersionMigrationSummary } from "./get-version-migration-summary";
import { draftWith } from "../../testing/authoring-fixtures";

async function publish(
  actor: Parameters<typeof getCourseDraft>[0],
  courseId: string,
  draft: ReturnType<typeof draftWith>,
  options: { isPublished?: boolean } = {},
) {
  const loaded = await getCourseDraft(actor, courseId);
  const saved = await saveCourseDraft(actor, {
    courseId,
    versionId: loaded.draft.id,
    revision: loaded.draft.revision,
    draft,
  });
  if (options.isPublished !== false)
    await publishCourseDraft(actor, { courseId, versionId: loaded.draft.id, revision: saved.revision });
  return loaded.draft.id;
}

/** A "completed" statement for a lesson, projected as the LRS does after storing it. */
async function completeLesson(options: { userId: string; registration: string; slug: string; key: string }) {
  const context = {
    actor: xapiAgentForUser({ id: options.userId }),
    registration: options.registration,
    course: { id: xapiActivityId.course(options.slug), name: "c" },
    language: "fr",
  };
  const built = buildStatement(context, {
    verb: "completed",
    object: { id: xapiActivityId.activity(options.slug, options.key), type: ACTIVITY_TYPE.lesson, name: options.key },
  });
  const stored = {
    ...built,
    stored: new Date().toISOString(),
    authority: {},
    version: "1.0.3",
  } as unknown as TStoredStatement;
  await db.$transaction((tx) => projectStatements(tx, [stored]));
}

describe("migrating learners to the latest published version (real database)", () => {
  it("moves learners in progress only, recomputes their progress from what statements proved, never targets a draft, once", async () => {
    const [a, b] = [await createInstitution(), await createInstitution()];
    await db.theme.upsert({
      where: { code: "test-theme" },
      create: { code: "test-theme", nameFr: "Thème test", nameEn: "Test theme" },
      update: {},
    });
    const trainer = await createUserWithRoles({
      institutionId: a.id,
      roles: [{ role: "TRAINER", institutionId: a.id }],
    });
    const outsider = await createUserWithRoles({
      institutionId: b.id,
      roles: [{ role: "TRAINER", institutionId: b.id }],
    });
    const [learner, finished] = [
      await createUserWithRoles({ institutionId: a.id, roles: [{ role: "AGENT", institutionId: a.id }] }),
      await createUserWithRoles({ institutionId: a.id, roles: [{ role: "AGENT", institutionId: a.id }] }),
    ];
    const course = await createCourse(trainer, { institutionId: a.id, title: "Migrer", themeCode: "test-theme" });
    const v1 = await publish(trainer, course.id, draftWith("Version 1"));
    const inProgress = await createEnrolment({ userId: learner.userId, courseId: course.id, versionId: v1 });
    const completed = await createEnrolment({ userId: finished.userId, courseId: course.id, versionId: v1 });
    await db.enrolment.update({ where: { id: completed.id }, data: { status: "COMPLETED", progressPercent: 100 } });
    await completeLesson({
      userId: learner.userId,
      registration: inProgress.registration,
      slug: course.slug,
      key: "lecon-1",
    });
    expect(await db.enrolment.findUniqueOrThrow({ where: { id: inProgress.id } })).toMatchObject({
      progressPercent: 50,
      lastActivityKey: "lecon-1",
    });

    // Version 2 adds a required lesson; while it is a draft, nobody can be moved onto it.
    const v2Draft = draftWith("Version 2");
    v2Draft.modules[0]!.activities.push({
      key: "lecon-2",
      kind: "LESSON",
      title: "Nouvelle leçon",
      isRequired: true,
      content: { type: "doc", content: [{ type: "paragraph" }] },
    });
    const v2 = await publish(trainer, course.id, v2Draft, { isPublished: false });
    await expect(migrateLearnersToLatestVersion(trainer, { courseId: course.id, versionId: v2 })).rejects.toMatchObject(
      { code: "CONFLICT" },
    );
    expect((await db.enrolment.findUniqueOrThrow({ where: { id: inProgress.id } })).courseVersionId).toBe(v1);
    expect(await getVersionMigrationSummary(trainer, course.id)).toMatchObject({
      publishedVersionId: v1,
      learnersOnOlderVersions: 0,
    });

    const loaded = await getCourseDraft(trainer, course.id);
    await publishCourseDraft(trainer, { courseId: course.id, versionId: v2, revision: loaded.draft.revision });
    expect(await getVersionMigrationSummary(trainer, course.id)).toEqual({
      publishedVersionId: v2,
      publishedNumber: 2,
      learnersOnOlderVersions: 1,
    });

    // Only trainers of the course's institution; only towards the version they saw.
    await expect(
      migrateLearnersToLatestVersion(outsider, { courseId: course.id, versionId: v2 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(migrateLearnersToLatestVersion(learner, { courseId: course.id, versionId: v2 })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
    await expect(getVersionMigrationSummary(outsider, course.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(migrateLearnersToLatestVersion(trainer, { courseId: course.id, versionId: v1 })).rejects.toMatchObject(
      { code: "CONFLICT" },
    );
    await expect(migrateLearnersToLatestVersion(trainer, { courseId: course.id, versionId: "" })).rejects.toMatchObject(
      { code: "INVALID" },
    );

    expect(await migrateLearnersToLatestVersion(trainer, { courseId: course.id, versionId: v2 })).toEqual({
      migrated: 1,
    });
    // One lesson done out of three required activities now; the place where they stopped is kept.
    expect(await db.enrolment.findUniqueOrThrow({ where: { id: inProgress.id } })).toMatchObject({
      courseVersionId: v2,
      progressPercent: 33,
      lastActivityKey: "lecon-1",
      status: "ACTIVE",
    });
    expect(await db.enrolment.findUniqueOrThrow({ where: { id: completed.id } })).toMatchObject({
      courseVersionId: v1,
      status: "COMPLETED",
    });
    expect(
      await db.auditLog.findFirst({
        where: { action: "course.learners.migrated", entityId: v2 },
        select: { data: true },
      }),
    ).toMatchObject({ data: { count: 1, toVersion: 2 } });

    // Progress on the new version keeps coming from statements.
    await completeLesson({
      userId: learner.userId,
      registration: inProgress.registration,
      slug: course.slug,
      key: "lecon-2",
    });
    expect((await db.enrolment.findUniqueOrThrow({ where: { id: inProgress.id } })).progressPercent).toBe(66);

    expect(await migrateLearnersToLatestVersion(trainer, { courseId: course.id, versionId: v2 })).toEqual({
      migrated: 0,
    });
  });
});
