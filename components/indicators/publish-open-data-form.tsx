"use client";
import { useActionState, useId } from "react";
import type { TActionResult } from "@/lib/auth/authed-action";
import { formatMessage } from "@/lib/i18n/format-message";

type TPublished = { year: number; publishedAt: string };
type TLabels = { year: string; publish: string; publishing: string; done: string; see: string };

/** The national administrator's explicit publication step for a year's open data. */
export function PublishOpenDataForm(props: {
  years: number[];
  labels: TLabels;
  action: (previous: TActionResult<TPublished> | null, formData: FormData) => Promise<TActionResult<TPublished>>;
}) {
  const [state, formAction, isPending] = useActionState(props.action, null);
  const id = useId();
  const { labels } = props;
  return (
    <form action={formAction} className="form">
      <label htmlFor={`${id}-year`}>{labels.year}</label>
      <select id={`${id}-year`} name="year" defaultValue={String(props.years[0])}>
        {props.years.map((year) => (
          <option key={year} value={year}>
            {year}
          </option>
        ))}
      </select>
      <button type="submit" className="button" disabled={isPending}>
        {isPending ? labels.publishing : labels.publish}
      </button>
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
