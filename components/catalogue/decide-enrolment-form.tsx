"use client";
import { decideEnrolmentAction } from "@/app/learn/approvals/decide.action";
import { ConfirmDialog, type TConfirmation } from "@/components/forms/confirm-dialog";
import { FieldError, fieldErrorProps } from "@/components/forms/field-error";
import { useKeptFormAction } from "@/components/forms/use-kept-form-action";

type TProps = {
  enrolmentId: string;
  labels: {
    approve: string;
    refuse: string;
    approveFor: string;
    refuseFor: string;
    decided: string;
    reason: string;
  };
  /** Asked before a refusal, which the agent sees and which cannot be taken back. */
  refusalConfirmation: Omit<TConfirmation, "when">;
};

/** Approve, or refuse with a reason after a confirmation; a refused submission keeps the reason typed. */
export function DecideEnrolmentForm({ enrolmentId, labels, refusalConfirmation }: TProps) {
  const confirmation = { ...refusalConfirmation, when: { name: "decision", value: "refuse" } };
  const { state, isPending, formRef, formAction, onSubmit, errorFor, confirmDialog } = useKeptFormAction(
    decideEnrolmentAction,
    { confirmation },
  );
  const reasonId = `reason-${enrolmentId}`;
  const reasonError = errorFor("comment");
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="form">
      <input type="hidden" name="enrolmentId" value={enrolmentId} />
      <label htmlFor={reasonId}>{labels.reason}</label>
      <textarea
        id={reasonId}
        name="comment"
        maxLength={500}
        rows={2}
        {...fieldErrorProps(`${reasonId}-error`, reasonError)}
      />
      <FieldError id={`${reasonId}-error`} message={reasonError} />
      <div className="actions-row">
        <button
          type="submit"
          name="decision"
          value="approve"
          className="button"
          disabled={isPending}
          aria-busy={isPending}
          aria-label={labels.approveFor}
        >
          {labels.approve}
        </button>
        <button
          type="submit"
          name="decision"
          value="refuse"
          className="button button-secondary"
          disabled={isPending}
          aria-label={labels.refuseFor}
        >
          {labels.refuse}
        </button>
      </div>
      <ConfirmDialog id={`${reasonId}-confirm`} confirmation={confirmation} {...confirmDialog} />
      <p role="status" className={state?.ok === false ? "error-text" : "success-text"}>
        {state ? (state.ok ? labels.decided : state.message) : ""}
      </p>
    </form>
  );
}
