"use client";
import { useActionState } from "react";
import type { TActionResult } from "@/lib/auth/authed-action";
import type { TErasureResult } from "@/lib/privacy/erase-agent";
import { formatMessage } from "@/lib/i18n/format-message";

type TProps = {
  action: (previous: TActionResult<TErasureResult> | null, input: FormData) => Promise<TActionResult<TErasureResult>>;
  userId: string;
  labels: { reason: string; reasonHint: string; confirm: string; submit: string; done: string };
};

/** The erasure of one agent: a reason and an explicit confirmation, then the outcome in a status region. */
export function EraseAgentForm({ action, userId, labels }: TProps) {
  const [state, formAction, isPending] = useActionState<TActionResult<TErasureResult> | null, FormData>(action, null);
  const id = `erase-${userId}`;
  const message = !state
    ? ""
    : state.ok
      ? formatMessage(labels.done, {
          pseudonym: state.data?.pseudonymName ?? "",
          statements: state.data?.statements ?? 0,
        })
      : state.message;
  return (
    <form action={formAction} className="form" aria-describedby={`${id}-status`}>
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
        aria-describedby={`${id}-hint`}
      />
      <p>
        <input id={`${id}-confirm`} type="checkbox" name="confirm" value="yes" required />{" "}
        <label htmlFor={`${id}-confirm`}>{labels.confirm}</label>
      </p>
      <button type="submit" className="button" disabled={isPending || state?.ok === true}>
        {labels.submit}
      </button>
      <p id={`${id}-status`} role="status" className={state?.ok === false ? "error-text" : "success-text"}>
        {message}
      </p>
    </form>
  );
}
