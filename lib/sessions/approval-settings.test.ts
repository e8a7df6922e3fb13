import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createUserWithRoles } from "../../testing/fixtures";
import { createSiteWithStaff } from "../../testing/session-fixtures";
import { createTranslator } from "../i18n/translate";
import { translateAppError } from "../errors/localized-error";
import type { AppError } from "../errors/app-error";
import { updateInstitutionApproval } from "./update-institution-approval";
import { updateCourseApproval } from "./update-course-approval";
import { getCourseApprovalSettings, getInstitutionApprovalSettings } from "./get-approval-settings";

const fr = createTranslator("fr");
const refusal = async (promise: Promise<unknown>) =>
  translateAppError((await promise.catch((error: unknown) => error)) as AppError, fr);

describe("approval chain settings", () => {
  it("the institution's training officer sets its chain and reminder delay, audited; another institution's is refused", async () => {
    const context = await createSiteWithStaff();
    const other = await createSiteWithStaff();
    const officer = await createUserWithRoles({
      institutionId: context.institution.id,
      roles: [{ role: "TRAINING_OFFICER", institutionId: context.institution.id }],
    });
    const stranger = await createUserWithRoles({
      institutionId: other.institution.id,
      roles: [{ role: "TRAINING_OFFICER", institutionId: other.institution.id }],
    });
    const input = {
      institutionId: context.institution.id,
      approvalChain: "MANAGER_THEN_OFFICER" as const,
      approvalReminderDays: "5",
    };
    await updateInstitutionApproval(officer, input);
    expect(await getInstitutionApprovalSettings(officer, context.institution.id)).toEqual({
      approvalChain: "MANAGER_THEN_OFFICER",
      approvalReminderDays: 5,
      canUpdate: true,
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: context.institution.id, action: "institution.approval.updated" },
    });
    expect(audit.data).toMatchObject({ before: { approvalChain: "MANAGER", approvalReminderDays: 3 } });
    for (const actor of [stranger, context.trainer, context.coordinator])
      await expect(updateInstitutionApproval(actor, { ...input, approvalChain: "MANAGER" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    expect(await getInstitutionApprovalSettings(stranger, context.institution.id)).toBeNull();
    expect(await refusal(updateInstitutionApproval(officer, { ...input, approvalReminderDays: "0" }))).toBe(
      "Indiquez un délai de relance entier entre 1 et 30 jours.",
    );
    expect(await refusal(updateInstitutionApproval(officer, { ...input, approvalReminderDays: "2.5" }))).toBe(
      "Indiquez un délai de relance entier entre 1 et 30 jours.",
    );
    expect(
      await refusal(updateInstitutionApproval(officer, { ...input, approvalChain: "EVERYONE" as "MANAGER" })),
    ).toBe("Choisissez un circuit de validation.");
    const saved = await db.institution.findUniqueOrThrow({ where: { id: context.institution.id } });
    expect(saved).toMatchObject({ approvalChain: "MANAGER_THEN_OFFICER", approvalReminderDays: 5 });
  });

  it("a course's editors set its own chain or fall back to the institution's; another institution's trainer is refused", async () => {
    const context = await createSiteWithStaff({ requiresApproval: true });
    const other = await createSiteWithStaff();
    await updateCourseApproval(context.trainer, { courseId: context.course.id, approvalChain: "MANAGER_THEN_OFFICER" });
    expect(await getCourseApprovalSettings(context.trainer, context.course.id)).toEqual({
      requiresApproval: true,
      approvalChain: "MANAGER_THEN_OFFICER",
      institutionChain: "MANAGER",
      canUpdate: true,
    });
    await updateCourseApproval(context.trainer, { courseId: context.course.id, approvalChain: "" });
    expect((await db.course.findUniqueOrThrow({ where: { id: context.course.id } })).approvalChain).toBeNull();
    await expect(
      updateCourseApproval(other.trainer, { courseId: context.course.id, approvalChain: "MANAGER" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await getCourseApprovalSettings(other.trainer, context.course.id)).toBeNull();
    expect(
      await refusal(updateCourseApproval(context.trainer, { courseId: context.course.id, approvalChain: "X" as "" })),
    ).toBe("Choisissez un circuit de validation.");
    await expect(updateCourseApproval(context.trainer, { courseId: "nope", approvalChain: "" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.auditLog.count({ where: { entityId: context.course.id, action: "course.approval.updated" } })).toBe(
      2,
    );
  });
});
