"use server";
import { revalidatePath } from "next/cache";
import { authedFormAction } from "@/lib/auth/authed-action";
import { registerForSession } from "@/lib/sessions/register-for-session";
import { cancelRegistration } from "@/lib/sessions/cancel-registration";
import { acceptOffer } from "@/lib/sessions/accept-offer";
import { decideRegistration } from "@/lib/sessions/decide-registration";
import { setApprovalAbsence } from "@/lib/sessions/set-approval-absence";
import { requestEmailDelivery } from "@/lib/jobs/boss";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export const registerAction = authedFormAction(async (actor, formData) => {
  // A pooled session's priority window refuses with a message in the user's language.
  await registerForSession(actor, { sessionId: field(formData, "sessionId") });
  void requestEmailDelivery();
  revalidatePath(`/sessions/${field(formData, "sessionId")}`);
});

export const cancelRegistrationAction = authedFormAction(async (actor, formData) => {
  await cancelRegistration(actor, {
    registrationId: field(formData, "registrationId"),
    reason: field(formData, "reason"),
  });
  void requestEmailDelivery();
  revalidatePath("/sessions", "layout");
  revalidatePath("/coordinator", "layout");
});

export const acceptOfferAction = authedFormAction(async (actor, formData) => {
  await acceptOffer(actor, { registrationId: field(formData, "registrationId") });
  void requestEmailDelivery();
  revalidatePath("/sessions", "layout");
});

export const decideRegistrationAction = authedFormAction(async (actor, formData) => {
  await decideRegistration(actor, {
    registrationId: field(formData, "registrationId"),
    decision: field(formData, "decision") === "REFUSE" ? "REFUSE" : "APPROVE",
    comment: field(formData, "comment"),
    step:
      field(formData, "step") === "OFFICER" ? "OFFICER" : field(formData, "step") === "MANAGER" ? "MANAGER" : undefined,
  });
  void requestEmailDelivery();
  revalidatePath("/approvals");
});

export const setApprovalAbsenceAction = authedFormAction(async (actor, formData) => {
  const until = field(formData, "absentUntil");
  await setApprovalAbsence(actor, {
    // A date field (yyyy-mm-dd): away through the end of that day.
    absentUntil: /^\d{4}-\d{2}-\d{2}$/.test(until) ? `${until}T23:59:59Z` : until,
    deputyEmail: field(formData, "deputyEmail"),
  });
  revalidatePath("/approvals");
});
