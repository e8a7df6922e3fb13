"use server";
import { revalidatePath } from "next/cache";
import { authedFormAction, type TActionResult } from "@/lib/auth/authed-action";
import { updateInstitutionSettings } from "@/lib/institutions/update-institution-settings";

export type { TActionResult };

export const updateInstitutionSettingsAction = authedFormAction(async (actor, formData) => {
  const institutionId = String(formData.get("institutionId") ?? "");
  await updateInstitutionSettings(actor, { institutionId, timeZone: String(formData.get("timeZone") ?? "") });
  revalidatePath(`/institutions/${institutionId}`);
});
