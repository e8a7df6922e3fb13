"use server";
import { revalidatePath } from "next/cache";
import { authedFormAction } from "@/lib/auth/authed-action";
import { recordRollCall } from "@/lib/sessions/record-roll-call";
import { inUserLanguage } from "@/lib/sessions/in-user-language";

/** Every listed registration is sent (registration ids in "registrationId"); checked boxes mean present; "reason" explains a correction. */
export const recordRollCallAction = authedFormAction(async (actor, formData) => {
  const slotId = String(formData.get("slotId") ?? "");
  const present = new Set(formData.getAll("present").map(String));
  const entries = formData
    .getAll("registrationId")
    .map(String)
    .map((registrationId) => ({ registrationId, isPresent: present.has(registrationId) }));
  const reason = String(formData.get("reason") ?? "");
  await inUserLanguage(() => recordRollCall(actor, { slotId, entries, reason }));
  revalidatePath(`/attendance/${slotId}`);
});
