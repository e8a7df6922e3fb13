"use server";
import { revalidatePath } from "next/cache";
import { authedFormAction } from "@/lib/auth/authed-action";
import { recordSessionCosts } from "@/lib/sessions/record-session-costs";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export const recordSessionCostsAction = authedFormAction(async (actor, formData) => {
  const sessionId = field(formData, "sessionId");
  await recordSessionCosts(actor, {
    sessionId,
    trainers: field(formData, "trainers"),
    room: field(formData, "room"),
    catering: field(formData, "catering"),
    travel: field(formData, "travel"),
  });
  revalidatePath(`/sessions/${sessionId}`);
});
