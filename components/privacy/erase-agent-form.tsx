"use client";
import type { TActionResult } from "@/lib/auth/authed-action";
import { FieldError } from "@/components/forms/field-error";
import { useKeptFormAction } from "@/components/forms/use-kept-form-action";
import type { TErasureResult } from "@/lib/privacy/erase-agent";
import { formatMessage } from "@/lib/i18n/format-message";

type TProps = {
  action: (previous: TActionResult<TErasureResult> | null, input: FormData) => Promise<TActionResult<TErasureResult>>;
  userId: string;
  labels: { reason: string; reasonHint: string; confirm: string; submit: string; done: string };
};

/** The erasure of one agent: a reason and an explicit confirmation, then the outcome in a status region. */
export function EraseAgentForm({ action, userId, labels }: TProps) {
  const { state, isPending, formRef, formAction, onSubmit, errorFor } = useKeptFormAction(action);
  const id = `erase-${userId}`;
  const reasonError = errorFor("reason");
  const message = !state
    ? ""
    : state.ok
      ? formatMessage(labels.done, {
          pseudonym: state.data?.pseudonymName ?? "",
          statements: state.data?.statements ?? 0,
        })
      : reasonError
        ? ""
        : state.message;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="form" aria-describedby={`${id}-status`}>
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={`${id}-reason`}>{labels.reason}</label>
      <p id={`${id}-hint`} className="hint">
        {labels.reasonHint}
      </p>
      <textarea
        id={`${id}-reason`}
        name="reason"
        required
        minLength={5}
        maxLength={1000}
        rows={2}
        aria-describedby={reasonError ? `${id}-hint ${id}-reason-error` : `${id}-hint`}
        aria-invalid={reasonError ? true : undefined}
      />
      <FieldError id={`${id}-reason-error`} message={reasonError} />
      <p>
        <input id={`${id}-confirm`} type="checkbox" name="confirm" value="yes" required />{" "}
        <label htmlFor={`${id}-confirm`}>{labels.confirm}</label>
      </p>
      <button type="submit" className="button" disabled={isPending || state?.ok === true} aria-busy={isPending}>
        {labels.submit}
      </button>
      <p id={`${id}-status`} role="status" className={state?.ok === false ? "error-text" : "success-text"}>
        {message}
      </p>
    </form>
  );
}
