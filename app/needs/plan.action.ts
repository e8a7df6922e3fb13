"use server";
import { revalidatePath } from "next/cache";
import { authedFormAction } from "@/lib/auth/authed-action";
import { inUserLanguage } from "@/lib/sessions/in-user-language";
import { createPlanAction } from "@/lib/needs/create-plan-action";
import { deletePlanAction } from "@/lib/needs/delete-plan-action";
import { markExternalDone } from "@/lib/needs/mark-external-done";

// Thin edges: read the form, call one use case (which checks the actor's rights), show its error in the user's language.
const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export const createPlanActionAction = authedFormAction(async (actor, formData) => {
  await inUserLanguage(() =>
    createPlanAction(actor, {
      campaignId: field(formData, "campaignId"),
      themeId: field(formData, "themeId"),
      trainingType: field(formData, "trainingType") as "T1_ADAPT_POST",
      kind: field(formData, "kind") as "EXTERNAL",
      title: field(formData, "title"),
      courseId: field(formData, "courseId"),
      plannedAgents: field(formData, "plannedAgents"),
      teachingBudget: field(formData, "teachingBudget"),
      venueBudget: field(formData, "venueBudget"),
      missionBudget: field(formData, "missionBudget"),
    }),
  );
  revalidatePath("/institutions/[id]/plan", "page");
});

export const deletePlanActionAction = authedFormAction(async (actor, formData) => {
  await inUserLanguage(() => deletePlanAction(actor, { actionId: field(formData, "actionId") }));
  revalidatePath("/institutions/[id]/plan", "page");
});

export const markExternalDoneAction = authedFormAction(async (actor, formData) => {
  await markExternalDone(actor, {
    actionId: field(formData, "actionId"),
    doneOn: field(formData, "doneOn"),
    actualCost: field(formData, "actualCost"),
    participantIds: formData.getAll("participantIds").map(String),
  });
  revalidatePath("/institutions/[id]/plan", "page");
});
