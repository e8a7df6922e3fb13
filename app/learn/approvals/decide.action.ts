"use server";
import { revalidatePath } from "next/cache";
import { authedFormAction, type TActionResult } from "@/lib/auth/authed-action";
import { decideEnrolment } from "@/lib/learning/decide-enrolment";

export type { TActionResult };

export const decideEnrolmentAction = authedFormAction(async (actor, formData) => {
  const decision = String(formData.get("decision") ?? "");
  await decideEnrolment(actor, {
    enrolmentId: String(formData.get("enrolmentId") ?? ""),
    decision: decision as "approve" | "refuse",
    comment: String(formData.get("comment") ?? ""),
  });
  revalidatePath("/approvals");
});
