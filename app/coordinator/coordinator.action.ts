"use server";
import { revalidatePath } from "next/cache";
import { authedFormAction } from "@/lib/auth/authed-action";
import { rescheduleSessionInLocalTime, scheduleSessionInLocalTime } from "@/lib/sessions/schedule-in-local-time";
import { cancelSession } from "@/lib/sessions/cancel-session";
import { requestEmailDelivery } from "@/lib/jobs/boss";
import { inUserLanguage } from "@/lib/sessions/in-user-language";
import { parseSessionForm } from "./parse-session-form";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export const scheduleSessionAction = authedFormAction(async (actor, formData) => {
  const local = parseSessionForm(formData);
  await inUserLanguage(() =>
    scheduleSessionInLocalTime(actor, {
      ...local,
      siteId: field(formData, "siteId"),
      courseVersionId: field(formData, "courseVersionId"),
    }),
  );
  revalidatePath("/coordinator");
});

export const rescheduleSessionAction = authedFormAction(async (actor, formData) => {
  const sessionId = field(formData, "sessionId");
  const local = parseSessionForm(formData);
  await inUserLanguage(() => rescheduleSessionInLocalTime(actor, { ...local, sessionId }));
  void requestEmailDelivery();
  revalidatePath(`/sessions/${sessionId}`);
});

export const cancelSessionAction = authedFormAction(async (actor, formData) => {
  await cancelSession(actor, { sessionId: field(formData, "sessionId"), reason: field(formData, "reason") });
  void requestEmailDelivery();
  revalidatePath("/coordinator", "layout");
});
