"use server";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors/app-error";
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
    const course = await createCourse(actor, {
      institutionId: String(formData.get("institutionId") ?? ""),
      title: String(formData.get("title") ?? ""),
      themeCode: String(formData.get("themeCode") ?? ""),
    });
    courseId = course.id;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { message: error.code === "FORBIDDEN" ? t("errors.codes.FORBIDDEN") : error.userMessage };
  }
  redirect(`/trainer/courses/${courseId}`);
}
