"use server";
import { revalidatePath } from "next/cache";
import { authedFormAction } from "@/lib/auth/authed-action";
import { scheduleSession } from "@/lib/sessions/schedule-session";
import { rescheduleSession } from "@/lib/sessions/reschedule-session";
import { cancelSession } from "@/lib/sessions/cancel-session";
import { requestEmailDelivery } from "@/lib/jobs/boss";
import { inUserLanguage } from "@/lib/sessions/in-user-language";
import { parseSessionForm } from "./parse-session-form";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export const scheduleSessionAction = authedFormAction(async (actor, formData) => {
  const parsed = await parseSessionForm(formData);
  await inUserLanguage(() =>
    scheduleSession(actor, { ...parsed, courseVersionId: field(formData, "courseVersionId"), status: "OPEN" }),
  );
  revalidatePath("/coordinator");
});

export const rescheduleSessionAction = authedFormAction(async (actor, formData) => {
  const sessionId = field(formData, "sessionId");
  const { capacity, registrationDeadline, slots } = await parseSessionForm(formData);
  await inUserLanguage(() => rescheduleSession(actor, { sessionId, capacity, registrationDeadline, slots }));
  void requestEmailDelivery();
  revalidatePath(`/sessions/${sessionId}`);
});

export const cancelSessionAction = authedFormAction(async (actor, formData) => {
  await cancelSession(actor, { sessionId: field(formData, "sessionId"), reason: field(formData, "reason") });
  void requestEmailDelivery();
  revalidatePath("/coordinator", "layout");
});
