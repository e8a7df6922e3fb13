"use client";
import { useActionState } from "react";
import { enrolAction, type TActionResult } from "@/app/courses/[slug]/enrol.action";

type TProps = { courseId: string; label: string };

/** The enrol button: a server-action form, so it also works before JavaScript has loaded. */
export function EnrolForm({ courseId, label }: TProps) {
  const [state, formAction, isPending] = useActionState<TActionResult | null, FormData>(enrolAction, null);
  return (
    <form action={formAction} className="actions-row">
      <input type="hidden" name="courseId" value={courseId} />
      <button type="submit" className="button" disabled={isPending}>
        {label}
      </button>
      <p role="status" className="error-text">
        {state?.ok === false ? state.message : ""}
      </p>
    </form>
  );
}
