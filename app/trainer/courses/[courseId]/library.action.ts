"use server";
import { revalidatePath } from "next/cache";
import { authedFormAction } from "@/lib/auth/authed-action";
import { publishToLibrary, type TPublishToLibraryInput } from "@/lib/library/publish-to-library";
import { takeUpstreamVersion } from "@/lib/library/take-upstream-version";
import { withdrawFromLibrary } from "@/lib/library/withdraw-from-library";

/** The use cases parse (zod) and check the author's rights; these only read the form. */
export const publishToLibraryAction = authedFormAction(async (actor, formData) => {
  const courseId = String(formData.get("courseId") ?? "");
  await publishToLibrary(actor, {
    courseId,
    licence: String(formData.get("licence") ?? "") as TPublishToLibraryInput["licence"],
    authors: String(formData.get("authors") ?? ""),
  });
  revalidatePath(`/trainer/courses/${courseId}`);
  revalidatePath("/library");
  return undefined;
});

export const takeUpstreamVersionAction = authedFormAction(async (actor, formData) => {
  const courseId = String(formData.get("courseId") ?? "");
  await takeUpstreamVersion(actor, { courseId, upstreamVersion: Number(formData.get("upstreamVersion")) });
  revalidatePath(`/trainer/courses/${courseId}`);
  return undefined;
});

export const withdrawFromLibraryAction = authedFormAction(async (actor, formData) => {
  const courseId = String(formData.get("courseId") ?? "");
  await withdrawFromLibrary(actor, { courseId });
  revalidatePath(`/trainer/courses/${courseId}`);
  revalidatePath("/library");
  return undefined;
});
