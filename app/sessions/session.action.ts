"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { registerForSession } from "@/lib/sessions/register-for-session";
import { cancelRegistration } from "@/lib/sessions/cancel-registration";
import { acceptOffer } from "@/lib/sessions/accept-offer";
import { decideRegistration } from "@/lib/sessions/decide-registration";
import { requestEmailDelivery } from "@/lib/jobs/boss";
import { inUserLanguage } from "@/lib/sessions/in-user-language";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export const registerAction = authedAction(async (actor, formData: FormData) => {
  // A pooled session's priority window refuses with a message in the user's language.
  await inUserLanguage(() => registerForSession(actor, { sessionId: field(formData, "sessionId") }));
  void requestEmailDelivery();
  revalidatePath(`/sessions/${field(formData, "sessionId")}`);
});

export const cancelRegistrationAction = authedAction(async (actor, formData: FormData) => {
  await cancelRegistration(actor, {
    registrationId: field(formData, "registrationId"),
    reason: field(formData, "reason"),
  });
  void requestEmailDelivery();
  revalidatePath("/sessions", "layout");
  revalidatePath("/coordinator", "layout");
});

export const acceptOfferAction = authedAction(async (actor, formData: FormData) => {
  await acceptOffer(actor, { registrationId: field(formData, "registrationId") });
  void requestEmailDelivery();
  revalidatePath("/sessions", "layout");
});

export const decideRegistrationAction = authedAction(async (actor, formData: FormData) => {
  await decideRegistration(actor, {
    registrationId: field(formData, "registrationId"),
    decision: field(formData, "decision") === "REFUSE" ? "REFUSE" : "APPROVE",
    comment: field(formData, "comment"),
  });
  void requestEmailDelivery();
  revalidatePath("/sessions/approvals");
});
