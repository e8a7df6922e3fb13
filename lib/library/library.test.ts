import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";
import { createEnrolment, createPublishedCourse } from "../../testing/learning-fixtures";
import { draftWith } from "../../testing/authoring-fixtures";
import { publishToLibrary } from "./publish-to-library";
import { adoptLibraryCourse } from "./adopt-library-course";
import { adaptLibraryCourse } from "./adapt-library-course";
import { listLibrary } from "./list-library";
import { getUpstreamChanges } from "./get-upstream-changes";
import { takeUpstreamVersion } from "./take-upstream-version";
import { withdrawFromLibrary } from "./withdraw-from-library";
import { getCourseAttribution } from "./get-course-attribution";
import { getCourseDraft } from "../authoring/get-course-draft";
import { saveCourseDraft } from "../authoring/save-course-draft";
import { publishCourseDraft } from "../authoring/publish-course-draft";
import { courseWhereForActor } from "../catalog/course-where";
import { loadPoolingFigures } from "../indicators/load-pooling-figures";

async function setUp() {
  const [a, b, c] = [await createInstitution(), await createInstitution(), await createInstitution()];
  const trainer = (institutionId: string) =>
    createUserWithRoles({ institutionId, roles: [{ role: "TRAINER", institutionId }] });
  const [trainerA, trainerB, trainerC] = [await trainer(a.id), await trainer(b.id), await trainer(c.id)];
  const agentB = await createUserWithRoles({ institutionId: b.id, roles: [{ role: "AGENT", institutionId: b.id }] });
  const officerB = await createUserWithRoles({
    institutionId: b.id,
    roles: [{ role: "TRAINING_OFFICER", institutionId: b.id }],
  });
  // An institution-only course: only adoption puts it in another institution's catalogue.
  const course = await createPublishedCourse({ institutionId: a.id, visibility: "INSTITUTION", title: "Accueillir" });
  return { a, b, c, trainerA, trainerB, trainerC, agentB, officerB, course };
}

const catalogueIds = async (actor: Awaited<ReturnType<typeof createUserWithRoles>>) =>
  (await db.course.findMany({ where: courseWhereForActor(actor), select: { id: true } })).map((course) => course.id);

describe("the national library (real database)", () => {
  it("lets only a trainer of the course's institution publish it, under a licence, once a version is published", async () => {
    const { a, trainerA, trainerB, officerB, course } = await setUp();
    const input = { courseId: course.id, licence: "CC_BY_SA" as const, authors: "Jeanne Martin" };
    await expect(publishToLibrary(trainerB, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(publishToLibrary(officerB, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(publishToLibrary(trainerA, { ...input, licence: "GPL" as never })).rejects.toMatchObject({
      code: "INVALID",
    });
    await expect(publishToLibrary(trainerA, { ...input, authors: "J\u0000" })).rejects.toMatchObject({
      code: "INVALID",
    });
    expect(await db.libraryListing.count({ where: { courseId: course.id } })).toBe(0);
    const draftOnly = await db.course.create({
      data: {
        slug: `draft-${randomUUID()}`,
        institutionId: a.id,
        themeId: (await db.theme.findUniqueOrThrow({ where: { code: "test-theme" } })).id,
        trainingType: "T1_ADAPT_POST",
        modality: "ONLINE",
        versions: { create: { number: 1, title: "Brouillon", declaredDurationMinutes: 10 } },
      },
    });
    await expect(publishToLibrary(trainerA, { ...input, courseId: draftOnly.id })).rejects.toMatchObject({
      code: "INVALID",
      details: { messageKey: "errors.library.notPublished" },
    });
    await publishToLibrary(trainerA, input);
    // Another institution's trainer cannot change the licence or credits either.
    await expect(publishToLibrary(trainerB, { ...input, authors: "Usurpateur" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await db.libraryListing.findUniqueOrThrow({ where: { courseId: course.id } })).toMatchObject({
      licence: "CC_BY_SA",
      authors: "Jeanne Martin",
    });
    // Nor edit the course itself.
    await expect(getCourseDraft(trainerB, course.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("adoption puts the course in the adopter's catalogue, credited; it needs the trainer role of that institution", async () => {
    const { b, trainerA, trainerB, agentB, officerB, course } = await setUp();
    await expect(adoptLibraryCourse(trainerB, { courseId: course.id, institutionId: b.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      details: { messageKey: "errors.library.notListed" },
    });
    await publishToLibrary(trainerA, { courseId: course.id, licence: "ALL_RIGHTS_RESERVED", authors: "Équipe A" });
    expect(await catalogueIds(agentB)).not.toContain(course.id);
    for (const actor of [agentB, officerB])
      await expect(adoptLibraryCourse(actor, { courseId: course.id, institutionId: b.id })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    // A trainer of B cannot adopt on behalf of A (or of any institution but their own).
    await expect(adoptLibraryCourse(trainerB, { courseId: course.id, institutionId: course.id })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
    await expect(
      adoptLibraryCourse(trainerA, {
        courseId: course.id,
        institutionId: (await db.course.findUniqueOrThrow({ where: { id: course.id } })).institutionId,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", details: { messageKey: "errors.library.ownCourse" } });
    await adoptLibraryCourse(trainerB, { courseId: course.id, institutionId: b.id });
    await adoptLibraryCourse(trainerB, { courseId: course.id, institutionId: b.id });
    expect(await db.courseAdoption.count({ where: { courseId: course.id } })).toBe(1);
    expect(await catalogueIds(agentB)).toContain(course.id);
    expect(await getCourseAttribution(course.id)).toMatchObject({
      authors: "Équipe A",
      licence: "ALL_RIGHTS_RESERVED",
      adaptedFrom: null,
    });
    // "All rights reserved": adopted, never adapted — refused with its reason, nothing created.
    const before = await db.course.count({ where: { adaptedFromId: course.id } });
    await expect(adaptLibraryCourse(trainerB, { courseId: course.id, institutionId: b.id })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { messageKey: "errors.library.notAdaptable" },
    });
    expect(await db.course.count({ where: { adaptedFromId: course.id } })).toBe(before);
    const [entry] = (await listLibrary(trainerB)).filter((item) => item.id === course.id);
    expect(entry).toMatchObject({ isAdopted: true, canAdopt: false, canAdapt: false, isAdaptationReserved: true });
  });

  it("withdrawal: only the course's trainers; no new adoption or adaptation; what was granted stays; publishing lists it again", async () => {
    const { b, c, trainerA, trainerB, trainerC, agentB, officerB, course } = await setUp();
    await expect(withdrawFromLibrary(trainerA, { courseId: course.id })).rejects.toMatchObject({
      code: "INVALID",
      details: { messageKey: "errors.library.notListed" },
    });
    await publishToLibrary(trainerA, { courseId: course.id, licence: "CC_BY", authors: "Équipe A" });
    await adoptLibraryCourse(trainerB, { courseId: course.id, institutionId: b.id });
    for (const actor of [trainerB, officerB, agentB])
      await expect(withdrawFromLibrary(actor, { courseId: course.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(withdrawFromLibrary(trainerA, { courseId: "x".repeat(41) })).rejects.toMatchObject({
      code: "INVALID",
    });
    expect(await withdrawFromLibrary(trainerA, { courseId: course.id })).toEqual({ adoptions: 1, adaptations: 0 });
    // A retried request changes nothing (one audit row).
    await withdrawFromLibrary(trainerA, { courseId: course.id });
    expect(await db.auditLog.count({ where: { action: "library.withdrawn", entityId: course.id } })).toBe(1);
    expect((await listLibrary(trainerC)).map((item) => item.id)).not.toContain(course.id);
    for (const reuse of [adoptLibraryCourse, adaptLibraryCourse])
      await expect(reuse(trainerC, { courseId: course.id, institutionId: c.id })).rejects.toMatchObject({
        code: "NOT_FOUND",
        details: { messageKey: "errors.library.notListed" },
      });
    // B adopted it under CC BY: it stays in B's catalogue, credited.
    expect(await catalogueIds(agentB)).toContain(course.id);
    expect(await getCourseAttribution(course.id)).toMatchObject({ authors: "Équipe A", licence: "CC_BY" });
    await publishToLibrary(trainerA, { courseId: course.id, licence: "CC_BY", authors: "Équipe A" });
    expect((await listLibrary(trainerC)).map((item) => item.id)).toContain(course.id);
    await adoptLibraryCourse(trainerC, { courseId: course.id, institutionId: c.id });
  });

  it("adapts into the adapter's draft with its lineage, shows what changed upstream, and takes the new version", async () => {
    const { b, c, trainerA, trainerB, trainerC, agentB, course } = await setUp();
    await publishToLibrary(trainerA, { courseId: course.id, licence: "CC_BY_SA", authors: "Jeanne Martin" });
    await expect(adaptLibraryCourse(agentB, { courseId: course.id, institutionId: b.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const adaptation = await adaptLibraryCourse(trainerB, { courseId: course.id, institutionId: b.id });
    const copy = await db.course.findUniqueOrThrow({
      where: { id: adaptation.id },
      select: {
        institutionId: true,
        adaptedFromVersion: true,
        versions: {
          select: { status: true, title: true, modules: { select: { activities: { select: { key: true } } } } },
        },
      },
    });
    expect(copy).toMatchObject({ institutionId: b.id, adaptedFromVersion: 1 });
    expect(copy.versions).toHaveLength(1);
    expect(copy.versions[0]).toMatchObject({ status: "DRAFT", title: "Accueillir" });
    const keys = copy.versions[0]!.modules.flatMap((module) => module.activities.map((activity) => activity.key));
    expect(keys).toHaveLength(3);
    expect(keys.some((key) => key.startsWith(course.slug))).toBe(false);
    // The original's authors cannot edit the adaptation; the adapter edits and publishes it.
    await expect(getCourseDraft(trainerA, adaptation.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const draft = await getCourseDraft(trainerB, adaptation.id);
    const saved = await saveCourseDraft(trainerB, {
      courseId: adaptation.id,
      versionId: draft.draft.id,
      revision: draft.draft.revision,
      draft: draftWith("Accueillir à B"),
    });
    await publishCourseDraft(trainerB, {
      courseId: adaptation.id,
      versionId: draft.draft.id,
      revision: saved.revision,
    });
    // Share-alike: B shares its adaptation only under CC BY-SA.
    await expect(
      publishToLibrary(trainerB, { courseId: adaptation.id, licence: "CC_BY", authors: "Équipe B" }),
    ).rejects.toMatchObject({ code: "INVALID", details: { messageKey: "errors.library.shareAlike" } });
    expect(await getUpstreamChanges(trainerB, adaptation.id)).toMatchObject({
      basedOnVersion: 1,
      latestVersion: 1,
      changes: [],
      canTakeLatest: false,
    });
    await expect(getUpstreamChanges(trainerC, adaptation.id)).rejects.toMatchObject({ code: "FORBIDDEN" });

    // The original publishes version 2: a retitled lesson, an added lesson, the video removed.
    const upstreamDraft = await getCourseDraft(trainerA, course.id);
    const edited = draftWith("Accueillir tous les publics");
    edited.modules[0]!.activities = [
      { ...edited.modules[0]!.activities[0]!, key: course.keys.lesson, title: "Leçon revue" },
      { ...edited.modules[0]!.activities[0]!, key: "nouvelle-lecon", title: "Nouvelle leçon" },
      { ...edited.modules[0]!.activities[1]!, key: course.keys.quiz },
    ];
    edited.course.declaredDurationMinutes = 45;
    const upstreamSaved = await saveCourseDraft(trainerA, {
      courseId: course.id,
      versionId: upstreamDraft.draft.id,
      revision: upstreamDraft.draft.revision,
      draft: edited,
    });
    await publishCourseDraft(trainerA, {
      courseId: course.id,
      versionId: upstreamDraft.draft.id,
      revision: upstreamSaved.revision,
    });
    const view = await getUpstreamChanges(trainerB, adaptation.id);
    expect(view).toMatchObject({ basedOnVersion: 1, latestVersion: 2, canTakeLatest: true });
    expect(view!.changes).toEqual(
      expect.arrayContaining([
        { kind: "title" },
        { kind: "activityChanged", title: "Leçon revue" },
        { kind: "activityAdded", title: "Nouvelle leçon" },
        { kind: "activityRemoved", title: "Vidéo" },
      ]),
    );
    await expect(takeUpstreamVersion(trainerC, { courseId: adaptation.id, upstreamVersion: 2 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(takeUpstreamVersion(trainerB, { courseId: adaptation.id, upstreamVersion: 3 })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { messageKey: "errors.library.upstreamMoved" },
    });
    await takeUpstreamVersion(trainerB, { courseId: adaptation.id, upstreamVersion: 2 });
    await expect(takeUpstreamVersion(trainerB, { courseId: adaptation.id, upstreamVersion: 2 })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { messageKey: "errors.library.upToDate" },
    });
    const versions = await db.courseVersion.findMany({
      where: { courseId: adaptation.id },
      orderBy: { number: "asc" },
      select: { number: true, status: true, title: true },
    });
    expect(versions).toEqual([
      { number: 1, status: "PUBLISHED", title: "Accueillir à B" },
      { number: 2, status: "DRAFT", title: "Accueillir tous les publics" },
    ]);
    expect(await getCourseAttribution(adaptation.id)).toMatchObject({
      adaptedFrom: { title: "Accueillir tous les publics", version: 2, authors: "Jeanne Martin" },
    });

    // The library's figures: B (adapted) and C (adopted) reuse it; learners and hours of theirs only.
    await adoptLibraryCourse(trainerC, { courseId: course.id, institutionId: c.id });
    const adaptedVersion = await db.courseVersion.findFirstOrThrow({ where: { courseId: adaptation.id, number: 1 } });
    const enrolment = await createEnrolment({
      userId: agentB.userId,
      courseId: adaptation.id,
      versionId: adaptedVersion.id,
    });
    await db.enrolment.update({ where: { id: enrolment.id }, data: { status: "COMPLETED", completedAt: new Date() } });
    const [entry] = (await listLibrary(trainerC)).filter((item) => item.id === course.id);
    expect(entry).toMatchObject({ isAdopted: true, learners: 1, hours: 0.5, versionNumber: 2 });
    expect(entry!.reusers.map((reuser) => [reuser.adopted, reuser.adapted])).toHaveLength(2);
  });
});

describe("pooling figures from the database (national scope)", () => {
  it("an adaptation plays the original's SCORM or cmi5 package: the package activity is copied with it", async () => {
    const { a, b, trainerA, trainerB, course } = await setUp();
    const contentPackage = await db.contentPackage.create({
      data: {
        institutionId: a.id,
        createdById: trainerA.userId,
        standard: "SCORM_12",
        title: "Paquet",
        launchPath: "index.html",
        sizeBytes: BigInt(10),
        fileCount: 1,
      },
    });
    const firstModule = await db.courseModule.findFirstOrThrow({ where: { versionId: course.versionId } });
    await db.activity.create({
      data: {
        moduleId: firstModule.id,
        key: `${course.slug}-pkg`,
        position: 9,
        kind: "PACKAGE",
        title: "SCO",
        packageId: contentPackage.id,
      },
    });
    await publishToLibrary(trainerA, { courseId: course.id, licence: "CC_BY", authors: "Jeanne Martin" });
    const adaptation = await adaptLibraryCourse(trainerB, { courseId: course.id, institutionId: b.id });
    const copied = await db.activity.findMany({
      where: { module: { version: { courseId: adaptation.id } }, kind: "PACKAGE" },
      select: { packageId: true, key: true },
    });
    expect(copied).toEqual([{ packageId: contentPackage.id, key: expect.stringMatching(/^adapt-/) }]);
  });

  it("counts the hours on another institution's content and the courses reused by two institutions", async () => {
    const { a, b, c, trainerA, trainerB, trainerC, agentB, course } = await setUp();
    const admin = await createUserWithRoles({ roles: [{ role: "NATIONAL_ADMIN" }] });
    await expect(
      loadPoolingFigures(trainerA, { from: new Date("2000-01-01"), to: new Date("2100-01-01") }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await publishToLibrary(trainerA, { courseId: course.id, licence: "CC_BY", authors: "Équipe A" });
    await adoptLibraryCourse(trainerB, { courseId: course.id, institutionId: b.id });
    await adaptLibraryCourse(trainerC, { courseId: course.id, institutionId: c.id });
    // Hand-computed, in a period of its own (a day in 2031 no other test writes): agent of B completes
    // A's 45-minute course (other's content) and B's own 90-minute course → 45 / 135 = 1/3.
    const day = new Date("2031-03-04T10:00:00Z");
    const own = await createPublishedCourse({ institutionId: b.id });
    await db.courseVersion.update({ where: { id: own.versionId }, data: { declaredDurationMinutes: 90 } });
    for (const [courseId, versionId] of [
      [course.id, course.versionId],
      [own.id, own.versionId],
    ] as const) {
      const enrolment = await createEnrolment({ userId: agentB.userId, courseId, versionId });
      await db.enrolment.update({ where: { id: enrolment.id }, data: { status: "COMPLETED", completedAt: day } });
    }
    const figures = await loadPoolingFigures(admin, {
      from: new Date("2031-03-04T00:00:00Z"),
      to: new Date("2031-03-05T00:00:00Z"),
    });
    expect(figures.shareOfHoursOnOthersContent).toBeCloseTo(1 / 3, 10);
    // This course is reused by B and C; the count is national, so other tests' courses may add to it.
    expect(figures.coursesReusedByTwo).toBeGreaterThanOrEqual(1);
    const before = await loadPoolingFigures(admin, { from: new Date("2000-01-01"), to: new Date("2000-01-02") });
    expect(before.shareOfHoursOnOthersContent).toBeNull();
    void a;
  });
});
