"use server";
import { revalidatePath } from "next/cache";
import { authedFormAction } from "@/lib/auth/authed-action";
import { requestIndicatorRefresh } from "@/lib/jobs/boss";
import { updateMissionScales } from "@/lib/mission-costs/update-mission-scales";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export const updateMissionScalesAction = authedFormAction(async (actor, formData) => {
  await updateMissionScales(actor, {
    kmAllowance: field(formData, "kmAllowance"),
    meal: field(formData, "meal"),
    overnight: field(formData, "overnight"),
    overnightFromKm: field(formData, "overnightFromKm"),
  });
  // The national travel indicators follow the scales: their rollups are rebuilt now.
  await requestIndicatorRefresh();
  revalidatePath("/needs/scales");
  revalidatePath("/needs/pooling", "layout");
});
