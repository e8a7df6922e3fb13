"use server";
import { revalidatePath } from "next/cache";
import { authedFormAction } from "@/lib/auth/authed-action";
import { AppError } from "@/lib/errors/app-error";
import { eraseAgent } from "@/lib/privacy/erase-agent";

/** A public POST endpoint like any server action: eraseAgent checks the officer's institution and the target's roles. */
export const eraseAgentAction = authedFormAction(async (actor, formData) => {
  if (formData.get("confirm") !== "yes")
    throw new AppError("INVALID", "confirm: tick the confirmation box.", {
      messageKey: "privacy.erase.confirmRequired",
      values: {},
    });
  const result = await eraseAgent(actor, {
    userId: String(formData.get("userId") ?? ""),
    reason: String(formData.get("reason") ?? ""),
  });
  revalidatePath("/officer/privacy");
  return result;
});
