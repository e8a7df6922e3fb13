"use server";
import { revalidatePath } from "next/cache";
import { authedFormAction } from "@/lib/auth/authed-action";
import { requestEmailDelivery } from "@/lib/jobs/boss";
import { commissionModule } from "@/lib/needs/commission-module";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export const commissionModuleAction = authedFormAction(async (actor, formData) => {
  // One select names the institution and, optionally, its trainer ("institutionId|trainerId").
  const [institutionId = "", trainerId = ""] = field(formData, "maker").split("|");
  await commissionModule(actor, {
    year: field(formData, "year"),
    subject: field(formData, "subject"),
    title: field(formData, "title"),
    brief: field(formData, "brief"),
    institutionId,
    trainerId,
  });
  void requestEmailDelivery();
  revalidatePath("/needs/pooling", "layout");
  revalidatePath("/needs/commissions");
});
