"use client";
import { useActionState } from "react";
import { decideEnrolmentAction, type TActionResult } from "@/app/learn/approvals/decide.action";

type TProps = {
  enrolmentId: string;
  labels: { approve: string; refuse: string; approveFor: string; refuseFor: string; decided: string };
};

export function DecideEnrolmentForm({ enrolmentId, labels }: TProps) {
  const [state, formAction, isPending] = useActionState<TActionResult | null, FormData>(decideEnrolmentAction, null);
  return (
    <form action={formAction} className="actions-row">
      <input type="hidden" name="enrolmentId" value={enrolmentId} />
      <button
        type="submit"
        name="decision"
        value="approve"
        className="button"
        disabled={isPending}
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
      <p role="status" className={state?.ok === false ? "error-text" : "success-text"}>
        {state ? (state.ok ? labels.decided : state.message) : ""}
      </p>
    </form>
  );
}
