"use server";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/actor";
import { assertActionInput, toFailure } from "@/lib/auth/authed-action";
import { getTranslator } from "@/lib/i18n/server";
import { createCourse } from "@/lib/authoring/create-course";

export type TCreateCourseState = { message: string } | null;

/** Creates the course then opens its editor; errors come back as a message for the form. */
export async function createCourseAction(
  _previous: TCreateCourseState,
  formData: FormData,
): Promise<TCreateCourseState> {
  const actor = await getActor();
  const { t } = await getTranslator();
  if (!actor) return { message: t("errors.codes.UNAUTHENTICATED") };
  let courseId: string;
  try {
    assertActionInput(formData, { isForm: true });
    const course = await createCourse(actor, {
      institutionId: String(formData.get("institutionId") ?? ""),
      title: String(formData.get("title") ?? ""),
      themeCode: String(formData.get("themeCode") ?? ""),
    });
    courseId = course.id;
  } catch (error) {
    const refusal = await toFailure(error);
    return { message: refusal.message };
  }
  redirect(`/trainer/courses/${courseId}`);
}
