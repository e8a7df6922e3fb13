"use client";
import { useActionState } from "react";
import { createCourseAction, type TCreateCourseState } from "@/app/trainer/create-course.action";

type TProps = {
  institutions: { id: string; name: string }[];
  themes: { code: string; name: string }[];
  labels: { title: string; theme: string; institution: string; submit: string };
};

export function CreateCourseForm({ institutions, themes, labels }: TProps) {
  const [state, formAction, isPending] = useActionState<TCreateCourseState, FormData>(createCourseAction, null);
  return (
    <form action={formAction} className="form">
      <label htmlFor="new-course-title">{labels.title}</label>
      <input id="new-course-title" name="title" required minLength={3} maxLength={200} />
      <label htmlFor="new-course-theme">{labels.theme}</label>
      <select id="new-course-theme" name="themeCode">
        {themes.map((theme) => (
          <option key={theme.code} value={theme.code}>
            {theme.name}
          </option>
        ))}
      </select>
      <label htmlFor="new-course-institution">{labels.institution}</label>
      <select id="new-course-institution" name="institutionId">
        {institutions.map((institution) => (
          <option key={institution.id} value={institution.id}>
            {institution.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button" disabled={isPending}>
        {labels.submit}
      </button>
      <p role="status" className="error-text">
        {state?.message ?? ""}
      </p>
    </form>
  );
}
