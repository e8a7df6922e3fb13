"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedFormAction, type TActionResult } from "@/lib/auth/authed-action";
import { inUserLanguage } from "@/lib/sessions/in-user-language";
import { requestEmailDelivery } from "@/lib/jobs/boss";
import { openCampaign } from "@/lib/needs/open-campaign";
import { expressNeed } from "@/lib/needs/express-need";
import { withdrawNeed } from "@/lib/needs/withdraw-need";
import { giveOpinion } from "@/lib/needs/give-opinion";
import { decideNeed } from "@/lib/needs/decide-need";
import { createPooledSession } from "@/lib/needs/create-pooled-session";

// Thin edges: each action reads its form, calls one use case (which checks the actor's rights)
// and shows a domain error in the user's language.
const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");
/** A date field (yyyy-mm-dd) closes at the end of its day; a full timestamp is kept as sent. */
const endOfDay = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59Z` : value);

export const openCampaignAction = authedFormAction(async (actor, formData) => {
  const institutionId = field(formData, "institutionId");
  await inUserLanguage(() =>
    openCampaign(actor, {
      institutionId,
      year: field(formData, "year"),
      opensAt: field(formData, "opensAt"),
      closesAt: endOfDay(field(formData, "closesAt")),
      instructions: field(formData, "instructions"),
    }),
  );
  revalidatePath(`/institutions/${institutionId}/needs`);
});

export const expressNeedAction = authedFormAction(async (actor, formData) => {
  await inUserLanguage(() =>
    expressNeed(actor, {
      campaignId: field(formData, "campaignId"),
      courseId: field(formData, "courseId"),
      title: field(formData, "title"),
      themeId: field(formData, "themeId"),
      trainingType: field(formData, "trainingType") as "T1_ADAPT_POST",
      priority: field(formData, "priority") as "HIGH",
      justification: field(formData, "justification"),
    }),
  );
  revalidatePath("/needs");
});

export const withdrawNeedAction = authedFormAction(async (actor, formData) => {
  await inUserLanguage(() => withdrawNeed(actor, { needId: field(formData, "needId") }));
  revalidatePath("/needs");
});

export const giveOpinionAction = authedFormAction(async (actor, formData) => {
  await inUserLanguage(() =>
    giveOpinion(actor, {
      needId: field(formData, "needId"),
      opinion: field(formData, "opinion") as "FAVOURABLE",
      reason: field(formData, "reason"),
    }),
  );
  revalidatePath("/needs/team");
});

export const decideNeedAction = authedFormAction(async (actor, formData) => {
  await inUserLanguage(() =>
    decideNeed(actor, {
      needId: field(formData, "needId"),
      decision: field(formData, "decision") as "RETAINED",
      reason: field(formData, "reason"),
    }),
  );
  void requestEmailDelivery();
  revalidatePath("/institutions/[id]/needs", "page");
});

const createPooledSessionOrExplain = authedFormAction(async (actor, formData) => {
  // One select names the site and its room ("siteId|roomId"); the use case checks the room is the site's.
  const [siteId = "", roomId = ""] = field(formData, "place").split("|");
  const result = await inUserLanguage(() =>
    createPooledSession(actor, {
      year: field(formData, "year"),
      regionId: field(formData, "regionId"),
      subject: field(formData, "subject"),
      courseVersionId: field(formData, "courseVersionId"),
      siteId,
      roomId,
      startsAt: field(formData, "startsAt"),
      halfDays: formData.getAll("halfDays").map(String) as ("MORNING" | "AFTERNOON")[],
      capacity: field(formData, "capacity"),
      priorityDays: field(formData, "priorityDays"),
    }),
  );
  void requestEmailDelivery();
  revalidatePath("/needs/pooling", "layout");
  return result.sessionId;
});

/** Creates the pooled session, then shows it; a refusal stays on the form. */
export async function createPooledSessionAction(
  _previous: TActionResult | null,
  formData: FormData,
): Promise<TActionResult> {
  const result = await createPooledSessionOrExplain(null, formData);
  // redirect() throws by design: outside authedAction, which would take it for a failure.
  if (result.ok && result.data) redirect(`/sessions/${result.data}`);
  return result.ok ? { ok: true } : result;
}
