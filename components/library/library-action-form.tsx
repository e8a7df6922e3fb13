"use client";
import { useId, type ReactNode } from "react";
import Link from "next/link";
import type { TActionResult } from "@/lib/auth/authed-action";
import { useKeptFormAction } from "@/components/forms/use-kept-form-action";
import { ConfirmDialog, type TConfirmation } from "@/components/forms/confirm-dialog";

/**
 * One library step (adopt, adapt, publish, take the upstream version): a form whose hidden fields
 * name the course, an optional set of fields, the server's answer announced in a live region,
 * and, when the step made a course to edit, a link to it. A refusal keeps what was typed.
 */
export function LibraryActionForm<TData extends { courseId: string } | undefined>(props: {
  action: (previous: TActionResult<TData> | null, formData: FormData) => Promise<TActionResult<TData>>;
  hidden: Record<string, string>;
  submit: string;
  submitLabel?: string;
  done: string;
  openLabel?: string;
  isSecondary?: boolean;
  /** Asked before sending, for a step that others feel (withdrawing a course). */
  confirmation?: TConfirmation;
  children?: ReactNode;
}) {
  const { state, isPending, formRef, formAction, onSubmit, confirmDialog } = useKeptFormAction(props.action, {
    confirmation: props.confirmation,
  });
  const id = useId();
  const courseId = state?.ok ? state.data?.courseId : undefined;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="form library-form">
      {Object.entries(props.hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {props.children}
      <button
        type="submit"
        className={props.isSecondary ? "button button-secondary" : "button"}
        aria-label={props.submitLabel}
        disabled={isPending}
        aria-busy={isPending}
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
      {props.confirmation && (
        <ConfirmDialog id={`${id}-confirm`} confirmation={props.confirmation} {...confirmDialog} />
      )}
    </form>
  );
}
