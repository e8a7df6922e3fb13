"use client";
import { useActionState, type ReactNode } from "react";
import Link from "next/link";
import type { TActionResult } from "@/lib/auth/authed-action";

/**
 * One library step (adopt, adapt, publish, take the upstream version): a form whose hidden fields
 * name the course, an optional set of fields, the server's answer announced in a live region,
 * and, when the step made a course to edit, a link to it.
 */
export function LibraryActionForm<TData extends { courseId: string } | undefined>(props: {
  action: (previous: TActionResult<TData> | null, formData: FormData) => Promise<TActionResult<TData>>;
  hidden: Record<string, string>;
  submit: string;
  submitLabel?: string;
  done: string;
  openLabel?: string;
  isSecondary?: boolean;
  children?: ReactNode;
}) {
  const [state, formAction, isPending] = useActionState(props.action, null);
  const courseId = state?.ok ? state.data?.courseId : undefined;
  return (
    <form action={formAction} className="form library-form">
      {Object.entries(props.hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {props.children}
      <button
        type="submit"
        className={props.isSecondary ? "button button-secondary" : "button"}
        aria-label={props.submitLabel}
        disabled={isPending}
      >
        {props.submit}
      </button>
      <div role="status" aria-live="polite">
        {state?.ok === true && (
          <p className="success-text">
            {props.done}{" "}
            {courseId && props.openLabel && <Link href={`/trainer/courses/${courseId}`}>{props.openLabel}</Link>}
          </p>
        )}
        {state?.ok === false && <p className="error-text">{state.message}</p>}
      </div>
    </form>
  );
}
