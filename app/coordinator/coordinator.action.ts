"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { scheduleSession } from "@/lib/sessions/schedule-session";
import { rescheduleSession } from "@/lib/sessions/reschedule-session";
import { cancelSession } from "@/lib/sessions/cancel-session";
import { requestEmailDelivery } from "@/lib/jobs/boss";
import { localizeAppError } from "@/lib/sessions/localize-app-error";
import { getTranslator } from "@/lib/i18n/server";
import { parseSessionForm } from "./parse-session-form";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

/** Clashes and capacity refusals come back in the coordinator's language. */
async function inUserLanguage(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    throw localizeAppError(error, (await getTranslator()).t);
  }
}

export const scheduleSessionAction = authedAction(async (actor, formData: FormData) => {
  const parsed = await parseSessionForm(formData);
  await inUserLanguage(() => scheduleSession(actor, { ...parsed, courseVersionId: field(formData, "courseVersionId"), status: "OPEN" }).then(() => undefined));
  revalidatePath("/coordinator");
});

export const rescheduleSessionAction = authedAction(async (actor, formData: FormData) => {
  const sessionId = field(formData, "sessionId");
  const { capacity, registrationDeadline, slots } = await parseSessionForm(formData);
  await inUserLanguage(() => rescheduleSession(actor, { sessionId, capacity, registrationDeadline, slots }).then(() => undefined));
  void requestEmailDelivery();
  revalidatePath(`/sessions/${sessionId}`);
});

export const cancelSessionAction = authedAction(async (actor, formData: FormData) => {
  await cancelSession(actor, { sessionId: field(formData, "sessionId"), reason: field(formData, "reason") });
  void requestEmailDelivery();
  revalidatePath("/coordinator", "layout");
});
