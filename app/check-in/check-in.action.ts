"use server";
import { authedAction } from "@/lib/auth/authed-action";
import { checkIn } from "@/lib/sessions/check-in";
import { inUserLanguage } from "@/lib/sessions/in-user-language";

export const checkInAction = authedAction(async (actor, formData: FormData) => {
  await inUserLanguage(() =>
    checkIn(actor, {
      code: String(formData.get("code") ?? ""),
      method: formData.get("via") === "qr" ? "QR_CODE" : "SHORT_CODE",
    }),
  );
});
