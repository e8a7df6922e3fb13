"use server";
import { authedFormAction } from "@/lib/auth/authed-action";
import { checkIn } from "@/lib/sessions/check-in";

export const checkInAction = authedFormAction(async (actor, formData) => {
  await checkIn(actor, {
    code: String(formData.get("code") ?? ""),
    method: formData.get("via") === "qr" ? "QR_CODE" : "SHORT_CODE",
  });
});
