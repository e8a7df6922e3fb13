"use server";
import { revalidatePath } from "next/cache";
import { authedFormAction, type TActionResult } from "@/lib/auth/authed-action";
import { enrolInCourse } from "@/lib/learning/enrol-in-course";

export type { TActionResult };

export const enrolAction = authedFormAction(async (actor, formData) => {
  await enrolInCourse(actor, { courseId: String(formData.get("courseId") ?? "") });
  revalidatePath("/courses/[slug]", "page");
  revalidatePath("/learn");
});
