"use server";
import { revalidatePath } from "next/cache";
import { authedAction, type TActionResult } from "@/lib/auth/authed-action";
import { enrolInCourse } from "@/lib/learning/enrol-in-course";

export type { TActionResult };

export const enrolAction = authedAction(async (actor, formData: FormData) => {
  await enrolInCourse(actor, { courseId: String(formData.get("courseId") ?? "") });
  revalidatePath("/courses/[slug]", "page");
  revalidatePath("/learn");
});
