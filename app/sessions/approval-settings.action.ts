"use server";
import { revalidatePath } from "next/cache";
import { authedFormAction } from "@/lib/auth/authed-action";
import { updateInstitutionApproval } from "@/lib/sessions/update-institution-approval";
import { updateCourseApproval } from "@/lib/sessions/update-course-approval";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export const updateInstitutionApprovalAction = authedFormAction(async (actor, formData) => {
  const institutionId = field(formData, "institutionId");
  await updateInstitutionApproval(actor, {
    institutionId,
    approvalChain: field(formData, "approvalChain") as "MANAGER",
    approvalReminderDays: field(formData, "approvalReminderDays"),
  });
  revalidatePath(`/institutions/${institutionId}`);
});

export const updateCourseApprovalAction = authedFormAction(async (actor, formData) => {
  const courseId = field(formData, "courseId");
  await updateCourseApproval(actor, { courseId, approvalChain: field(formData, "approvalChain") as "" });
  revalidatePath(`/trainer/courses/${courseId}`);
});
