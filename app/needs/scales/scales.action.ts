"use server";
import { revalidatePath } from "next/cache";
import { authedFormAction } from "@/lib/auth/authed-action";
import { updateMissionScales } from "@/lib/needs/update-mission-scales";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export const updateMissionScalesAction = authedFormAction(async (actor, formData) => {
  await updateMissionScales(actor, {
    kmAllowance: field(formData, "kmAllowance"),
    meal: field(formData, "meal"),
    overnight: field(formData, "overnight"),
    overnightFromKm: field(formData, "overnightFromKm"),
  });
  revalidatePath("/needs/scales");
  revalidatePath("/needs/pooling", "layout");
});
