import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";
import { createEnrolment } from "../../testing/learning-fixtures";
import { createCourse } from "./create-course";
import { getCourseDraft } from "./get-course-draft";
import { saveCourseDraft } from "./save-course-draft";
import { publishCourseDraft } from "./publish-course-draft";
import { findImagesWithoutAlt, type TDraft } from "./draft-schema";
import { storeLocalVideo } from "../video/store-local-video";
import { draftWith } from "../../testing/authoring-fixtures";
import { toEditableDraft } from "./to-editable-draft";

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
  const course = await createCourse(trainerA, {
    institutionId: a.id,
    title: "Écrire clairement",
    themeCode: "test-theme",
  });
  return { a, b, trainerA, trainerB, agentA, course };
}

describe("authoring: drafts, autosave conflicts, publishing (real database)", () => {
  it("attaches the trainer's own uploaded video to a video activity, never another institution's", async () => {
    const { trainerA, trainerB, course } = await setUp();
    const webm = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 9, 9, 9]);
    const [own, foreign] = [
      await storeLocalVideo(trainerA, { bytes: webm }),
      await storeLocalVideo(trainerB, { bytes: webm }),
    ];
    const loaded = await getCourseDraft(trainerA, course.id);
    const withVideo = (videoAssetId: string): TDraft => {
      const draft = draftWith("Avec vidéo");
      draft.modules[0]!.activities.push({
        key: "video-1",
        kind: "VIDEO",
        title: "Vidéo",
        isRequired: true,
        content: {},
        videoAssetId,
      });
      return draft;
    };
    await expect(
      saveCourseDraft(trainerA, {
        courseId: course.id,
        versionId: loaded.draft.id,
        revision: loaded.draft.revision,
        draft: withVideo(foreign.id),
      }),
    ).rejects.toMatchObject({ code: "INVALID" });
    await saveCourseDraft(trainerA, {
      courseId: course.id,
      versionId: loaded.draft.id,
      revision: loaded.draft.revision,
      draft: withVideo(own.id),
    });
    expect(
      await db.activity.findFirst({
        where: { module: { versionId: loaded.draft.id }, kind: "VIDEO" },
        select: { videoAssetId: true },
      }),
    ).toEqual({ videoAssetId: own.id });
  });

  it("keeps the hybrid rules a trainer sets: online part before the session, minimum attended time", async () => {
    const { trainerA, course } = await setUp();
    const loaded = await getCourseDraft(trainerA, course.id);
    const hybrid = draftWith("Hybride");
    Object.assign(hybrid.course, { modality: "HYBRID", requiresOnlineBeforeSession: true });
    hybrid.course.completionRules = { ...hybrid.course.completionRules, minimumAttendedMinutes: 180 };
    const saved = await saveCourseDraft(trainerA, {
      courseId: course.id,
      versionId: loaded.draft.id,
      revision: loaded.draft.revision,
      draft: hybrid,
    });
    const reloaded = toEditableDraft(await getCourseDraft(trainerA, course.id));
    expect(reloaded.course).toMatchObject({
      modality: "HYBRID",
      requiresOnlineBeforeSession: true,
      completionRules: { minimumAttendedMinutes: 180 },
    });
    expect(
      await db.course.findUniqueOrThrow({ where: { id: course.id }, select: { requiresOnlineBeforeSession: true } }),
    ).toEqual({ requiresOnlineBeforeSession: true });

    // The rule only means something for hybrid courses: an online course never keeps it.
    const online = draftWith("En ligne");
    online.course.requiresOnlineBeforeSession = true;
    await saveCourseDraft(trainerA, {
      courseId: course.id,
      versionId: loaded.draft.id,
      revision: saved.revision,
      draft: online,
    });
    expect(
      await db.course.findUniqueOrThrow({ where: { id: course.id }, select: { requiresOnlineBeforeSession: true } }),
    ).toEqual({ requiresOnlineBeforeSession: false });
  });

  it("only trainers of the course's institution may create, read or save it", async () => {
    const { a, b, trainerB, agentA, course } = await setUp();
    await expect(
      createCourse(trainerB, { institutionId: a.id, title: "Intrus", themeCode: "test-theme" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      createCourse(agentA, { institutionId: a.id, title: "Intrus", themeCode: "test-theme" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getCourseDraft(trainerB, course.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      saveCourseDraft(trainerB, { courseId: course.id, versionId: "x", revision: 0, draft: draftWith("Pirate") }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(b.id).toBeTruthy();
  });

  it("a stale save gets a conflict and changes nothing; the fresh one goes through", async () => {
    const { trainerA, course } = await setUp();
    const { draft } = await getCourseDraft(trainerA, course.id);
    const first = await saveCourseDraft(trainerA, {
      courseId: course.id,
      versionId: draft.id,
      revision: draft.revision,
      draft: draftWith("Version de l'éditeur 1"),
    });
    expect(first.revision).toBe(draft.revision + 1);
    // A second editor still holding the old revision:
    await expect(
      saveCourseDraft(trainerA, {
        courseId: course.id,
        versionId: draft.id,
        revision: draft.revision,
        draft: draftWith("Version de l'éditeur 2"),
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: expect.stringContaining("Someone else saved"),
    });
    const stored = await db.courseVersion.findUniqueOrThrow({ where: { id: draft.id } });
    expect(stored).toMatchObject({ title: "Version de l'éditeur 1", revision: first.revision });
  });

  it("refuses invalid drafts with the field named: image without alt text, broken quiz, duplicate keys", async () => {
    const { trainerA, course } = await setUp();
    const { draft } = await getCourseDraft(trainerA, course.id);
    const save = (value: unknown) =>
      saveCourseDraft(trainerA, { courseId: course.id, versionId: draft.id, revision: draft.revision, draft: value });
    const withImage = draftWith("Titre");
    withImage.modules[0]!.activities[0]!.content = {
      type: "doc",
      content: [{ type: "image", attrs: { src: "/api/uploads/x", alt: " " } }],
    } as never;
    await expect(save(withImage)).rejects.toMatchObject({
      code: "INVALID",
      userMessage: expect.stringContaining("alternative text"),
    });
    const badQuiz = draftWith("Titre");
    badQuiz.modules[0]!.activities[1]!.content = { passMark: 3, questions: [] } as never;
    await expect(save(badQuiz)).rejects.toMatchObject({
      code: "INVALID",
      userMessage: expect.stringContaining("passMark"),
    });
    const duplicate = draftWith("Titre");
    duplicate.modules[0]!.activities[1]!.key = "lecon-1";
    await expect(save(duplicate)).rejects.toMatchObject({
      code: "INVALID",
      userMessage: expect.stringContaining("lecon-1"),
    });
    expect((await db.courseVersion.findUniqueOrThrow({ where: { id: draft.id } })).revision).toBe(draft.revision);
    expect(findImagesWithoutAlt({ type: "doc", content: [{ type: "image", attrs: { alt: "ok" } }] })).toEqual([]);
  });

  it("publishing freezes a version; a new draft copies it with the same keys; learners keep their version", async () => {
    const { trainerA, agentA, course } = await setUp();
    const { draft } = await getCourseDraft(trainerA, course.id);
    const saved = await saveCourseDraft(trainerA, {
      courseId: course.id,
      versionId: draft.id,
      revision: draft.revision,
      draft: draftWith("Version 1", "Ancien texte"),
    });
    await publishCourseDraft(trainerA, { courseId: course.id, versionId: draft.id, revision: saved.revision });
    const enrolment = await createEnrolment({ userId: agentA.userId, courseId: course.id, versionId: draft.id });
    await expect(
      saveCourseDraft(trainerA, {
        courseId: course.id,
        versionId: draft.id,
        revision: saved.revision + 1,
        draft: draftWith("Modifié"),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const second = await getCourseDraft(trainerA, course.id);
    expect(second.draft.id).not.toBe(draft.id);
    expect(second.draft.number).toBe(2);
    expect(second.draft.modules[0]?.activities.map((activity) => activity.key)).toEqual(["lecon-1", "quiz-1"]);
    const saved2 = await saveCourseDraft(trainerA, {
      courseId: course.id,
      versionId: second.draft.id,
      revision: second.draft.revision,
      draft: draftWith("Version 2", "Nouveau texte"),
    });
    await publishCourseDraft(trainerA, { courseId: course.id, versionId: second.draft.id, revision: saved2.revision });

    const versions = await db.courseVersion.findMany({
      where: { courseId: course.id },
      orderBy: { number: "asc" },
      select: { status: true, title: true },
    });
    expect(versions).toEqual([
      { status: "ARCHIVED", title: "Version 1" },
      { status: "PUBLISHED", title: "Version 2" },
    ]);
    const learner = await db.enrolment.findUniqueOrThrow({
      where: { id: enrolment.id },
      select: { courseVersion: { select: { title: true } } },
    });
    expect(learner.courseVersion.title).toBe("Version 1");
  });
});
