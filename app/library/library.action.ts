"use server";
import { revalidatePath } from "next/cache";
import { authedFormAction } from "@/lib/auth/authed-action";
import { adoptLibraryCourse } from "@/lib/library/adopt-library-course";
import { adaptLibraryCourse } from "@/lib/library/adapt-library-course";
import { reuseInstitutionOf } from "@/lib/library/list-library";

/** Public POST endpoints: the institution is the actor's own, and the use cases check the role. */
export const adoptLibraryCourseAction = authedFormAction(async (actor, formData) => {
  await adoptLibraryCourse(actor, {
    courseId: String(formData.get("courseId") ?? ""),
    institutionId: reuseInstitutionOf(actor) ?? "",
  });
  revalidatePath("/library");
  return undefined;
});

export const adaptLibraryCourseAction = authedFormAction(async (actor, formData) => {
  const course = await adaptLibraryCourse(actor, {
    courseId: String(formData.get("courseId") ?? ""),
    institutionId: reuseInstitutionOf(actor) ?? "",
  });
  revalidatePath("/library");
  revalidatePath("/trainer");
  return { courseId: course.id };
});
