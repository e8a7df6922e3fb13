"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedFormAction, type TActionResult } from "@/lib/auth/authed-action";
import { requestEmailDelivery } from "@/lib/jobs/boss";
import { commissionModule } from "@/lib/needs/commission-module";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

const commissionModuleOrExplain = authedFormAction(async (actor, formData) => {
  // One select names the institution and, optionally, its trainer ("institutionId|trainerId").
  const [institutionId = "", trainerId = ""] = field(formData, "maker").split("|");
  const result = await commissionModule(actor, {
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
  return result.commissionId;
});

/**
 * Commissions the module, then shows the commissions list: the group's needs are answered, so the
 * group page no longer offers the form (its confirmation would vanish with it). A refusal stays on the form.
 */
export async function commissionModuleAction(
  _previous: TActionResult | null,
  formData: FormData,
): Promise<TActionResult> {
  const result = await commissionModuleOrExplain(null, formData);
  // redirect() throws by design: outside authedFormAction, which would take it for a failure.
  if (result.ok && result.data) redirect("/needs/commissions");
  return result.ok ? { ok: true } : result;
}
