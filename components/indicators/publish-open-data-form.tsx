"use client";
import type { TActionResult } from "@/lib/auth/authed-action";
import { formatMessage } from "@/lib/i18n/format-message";
import { ConfirmDialog, type TConfirmation } from "@/components/forms/confirm-dialog";
import { useKeptFormAction } from "@/components/forms/use-kept-form-action";

type TPublished = { year: number; publishedAt: string };
type TLabels = { publish: string; publishing: string; done: string; see: string };

/**
 * The national administrator's explicit publication of the year previewed above it: a modal asks
 * for confirmation (a publication replaces what the public downloads), then the outcome.
 */
export function PublishOpenDataForm(props: {
  year: number;
  labels: TLabels;
  confirmation: TConfirmation;
  action: (previous: TActionResult<TPublished> | null, formData: FormData) => Promise<TActionResult<TPublished>>;
}) {
  const { state, isPending, formRef, formAction, onSubmit, confirmDialog } = useKeptFormAction(props.action, {
    confirmation: props.confirmation,
  });
  const { labels } = props;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="form">
      <input type="hidden" name="year" value={props.year} />
      <button type="submit" className="button" disabled={isPending} aria-busy={isPending}>
        {isPending ? labels.publishing : labels.publish}
      </button>
      <ConfirmDialog id="publish-open-data-confirm" confirmation={props.confirmation} {...confirmDialog} />
      <div role="status" aria-live="polite">
        {state?.ok === true && state.data && (
          <p className="success-text">
            {formatMessage(labels.done, { year: String(state.data.year) })}{" "}
            <a href={`/open-data?year=${state.data.year}`}>{labels.see}</a>
          </p>
        )}
        {state?.ok === false && <p className="error-text">{state.message}</p>}
      </div>
    </form>
  );
}
