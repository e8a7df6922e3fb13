import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";
import { createPublishedCourse } from "../../testing/learning-fixtures";
import { searchCatalogue } from "./search-catalogue";
import { getCoursePage } from "./get-course-page";
import { enrolInCourse } from "./enrol-in-course";
import { decideEnrolment } from "./decide-enrolment";
import { listPendingApprovals } from "./list-pending-approvals";
import { parseCatalogueFilters } from "./catalogue-filters";

async function twoInstitutions() {
  const [a, b] = [await createInstitution(), await createInstitution()];
  const agentA = await createUserWithRoles({ institutionId: a.id, roles: [{ role: "AGENT", institutionId: a.id }] });
  const agentB = await createUserWithRoles({ institutionId: b.id, roles: [{ role: "AGENT", institutionId: b.id }] });
  const privateA = await createPublishedCourse({
    institutionId: a.id,
    visibility: "INSTITUTION",
    title: `Privé ${a.code}`,
  });
  return { a, b, agentA, agentB, privateA };
}

describe("catalogue, course page and enrolment across institutions (real database)", () => {
  it("an institution-only course is listed, shown and enrollable in its institution only", async () => {
    const { agentA, agentB, privateA } = await twoInstitutions();
    expect((await searchCatalogue(agentA, { q: "Privé" })).courses.map((course) => course.id)).toContain(privateA.id);
    expect((await searchCatalogue(agentB, { q: "Privé" })).courses.map((course) => course.id)).not.toContain(
      privateA.id,
    );
    await expect(getCoursePage(agentA, privateA.slug)).resolves.toMatchObject({ id: privateA.id });
    await expect(getCoursePage(agentB, privateA.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(enrolInCourse(agentB, { courseId: privateA.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.enrolment.count({ where: { courseId: privateA.id } })).toBe(0);
  });

  it("filters narrow the list: search text, modality, duration bucket, region", async () => {
    const { a, agentA, privateA } = await twoInstitutions();
    const region = await db.region.findUniqueOrThrow({ where: { id: a.regionId } });
    const found = async (filters: Record<string, string>) => {
      const parsed = parseCatalogueFilters(filters);
      if (!parsed.success) throw new Error("bad filters");
      return (await searchCatalogue(agentA, parsed.data)).courses.some((course) => course.id === privateA.id);
    };
    expect(await found({ q: "zzz-no-such-course" })).toBe(false);
    expect(await found({ q: `privé ${a.code.toLowerCase()}` })).toBe(true);
    expect(
      await found({ q: `Privé ${a.code}`, modality: "ONLINE", duration: "short", region: region.code, language: "fr" }),
    ).toBe(true);
    expect(await found({ q: `Privé ${a.code}`, modality: "IN_PERSON" })).toBe(false);
    expect(await found({ q: `Privé ${a.code}`, duration: "long" })).toBe(false);
    expect(await found({ q: `Privé ${a.code}`, region: "NOWHERE" })).toBe(false);
    expect(parseCatalogueFilters({ modality: "TELEPATHY" }).success).toBe(false);
    expect(parseCatalogueFilters({ modality: "", q: "" }).success).toBe(true);
  });

  it("enrolling is idempotent and records the status change with its audit row", async () => {
    const { agentA, privateA } = await twoInstitutions();
    const first = await enrolInCourse(agentA, { courseId: privateA.id });
    const again = await enrolInCourse(agentA, { courseId: privateA.id });
    expect(first).toMatchObject({ status: "ACTIVE", isNew: true });
    expect(again).toMatchObject({ enrolmentId: first.enrolmentId, isNew: false });
    expect(await db.enrolment.count({ where: { courseId: privateA.id } })).toBe(1);
    expect(await db.enrolmentStatusChange.count({ where: { enrolmentId: first.enrolmentId } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: first.enrolmentId, action: "enrolment.created" } })).toBe(1);
  });

  it("concurrent enrolments of the same person create one row", async () => {
    const { agentA, privateA } = await twoInstitutions();
    const results = await Promise.all([1, 2, 3].map(() => enrolInCourse(agentA, { courseId: privateA.id })));
    expect(new Set(results.map((result) => result.enrolmentId)).size).toBe(1);
  });

  it("a course needing approval files a request that the manager or the institution's officer decides, not another institution's", async () => {
    const [a, b] = [await createInstitution(), await createInstitution()];
    const manager = await createUserWithRoles({ institutionId: a.id, roles: [{ role: "AGENT", institutionId: a.id }] });
    const agent = await createUserWithRoles({
      institutionId: a.id,
      roles: [{ role: "AGENT", institutionId: a.id }],
      managerId: manager.userId,
    });
    const officerB = await createUserWithRoles({
      institutionId: b.id,
      roles: [{ role: "TRAINING_OFFICER", institutionId: b.id }],
    });
    const officerA = await createUserWithRoles({
      institutionId: a.id,
      roles: [{ role: "TRAINING_OFFICER", institutionId: a.id }],
    });
    const otherAgent = await createUserWithRoles({
      institutionId: a.id,
      roles: [{ role: "AGENT", institutionId: a.id }],
    });
    const course = await createPublishedCourse({ institutionId: b.id, requiresApproval: true });
    const request = await enrolInCourse(agent, { courseId: course.id });
    expect(request.status).toBe("PENDING_APPROVAL");

    expect((await listPendingApprovals(manager)).map((row) => row.id)).toContain(request.enrolmentId);
    expect((await listPendingApprovals(officerA)).map((row) => row.id)).toContain(request.enrolmentId);
    expect((await listPendingApprovals(officerB)).map((row) => row.id)).not.toContain(request.enrolmentId);
    expect((await listPendingApprovals(otherAgent)).map((row) => row.id)).not.toContain(request.enrolmentId);

    await expect(
      decideEnrolment(officerB, { enrolmentId: request.enrolmentId, decision: "approve" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      decideEnrolment(otherAgent, { enrolmentId: request.enrolmentId, decision: "approve" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      decideEnrolment(agent, { enrolmentId: request.enrolmentId, decision: "approve" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      decideEnrolment(manager, { enrolmentId: request.enrolmentId, decision: "maybe" as "approve" }),
    ).rejects.toMatchObject({ code: "INVALID" });
    expect((await db.enrolment.findUniqueOrThrow({ where: { id: request.enrolmentId } })).status).toBe(
      "PENDING_APPROVAL",
    );

    // A refusal says why: without a reason nothing changes.
    await expect(
      decideEnrolment(manager, { enrolmentId: request.enrolmentId, decision: "refuse", comment: "   " }),
    ).rejects.toMatchObject({
      code: "INVALID",
      details: expect.objectContaining({ messageKey: "errors.learning.refusalNeedsReason", field: "comment" }),
    });
    expect((await db.enrolment.findUniqueOrThrow({ where: { id: request.enrolmentId } })).status).toBe(
      "PENDING_APPROVAL",
    );

    await decideEnrolment(manager, { enrolmentId: request.enrolmentId, decision: "approve" });
    expect((await db.enrolment.findUniqueOrThrow({ where: { id: request.enrolmentId } })).status).toBe("ACTIVE");
    await expect(
      decideEnrolment(officerA, { enrolmentId: request.enrolmentId, decision: "refuse", comment: "Trop tard" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(
      await db.auditLog.count({
        where: { entityId: request.enrolmentId, action: "enrolment.approved", actorId: manager.userId },
      }),
    ).toBe(1);
  });
});
