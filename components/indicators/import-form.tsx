"use client";
import { startTransition, useActionState, useId, useState, type FormEvent } from "react";
import type { TImportState } from "./import-state";
import { formatMessage } from "@/lib/i18n/format-message";
import { FormStepper } from "@/components/forms/form-stepper";

type TLabels = {
  title: string;
  columns: string;
  file: string;
  preview: string;
  confirm: string;
  previewTitle: string;
  errorsTitle: string;
  line: string;
  message: string;
  done: string;
  queued: string;
  follow: string;
  tooLarge: string;
  /** Choose the file, check the preview, done: the form's three steps (FormStepper). */
  steps: string[];
  stepProgress: string;
  stepNext: string;
};

/** Upload → preview (or line errors) → import, all through one server action; the file stays selected between steps. */
export function ImportForm(props: {
  kind: "headcounts" | "staff" | "planActions";
  institutionId: string;
  /** Other fields the import needs (the plan's campaign year). */
  hidden?: Record<string, string>;
  labels: TLabels;
  /** The import's documented limit: a larger file is refused here, with the app's message, before it is sent. */
  maxBytes: number;
  action: (previous: TImportState | null, formData: FormData) => Promise<TImportState>;
}) {
  const [actionState, formAction, isPending] = useActionState(props.action, null);
  const [tooLarge, setTooLarge] = useState(false);
  const state: TImportState | null = tooLarge ? { status: "failed", message: props.labels.tooLarge } : actionState;
  const id = useId();
  const { labels } = props;
  // React resets a form after a form action; submitting by hand keeps the chosen file for the import step.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    const file = data.get("file");
    // Above the limit Next.js would refuse the body before the app can answer: say it here.
    setTooLarge(file instanceof File && file.size > props.maxBytes);
    if (file instanceof File && file.size > props.maxBytes) return;
    startTransition(() => formAction(data));
  };
  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{labels.title}</h2>
      <p className="muted" id={`${id}-columns`}>
        {labels.columns}
      </p>
      <FormStepper
        steps={labels.steps}
        current={state?.status === "preview" ? 2 : state?.status === "done" || state?.status === "queued" ? 3 : 1}
        labels={{ progress: labels.stepProgress, next: labels.stepNext }}
      />
      <form onSubmit={onSubmit} className="form">
        <input type="hidden" name="kind" value={props.kind} />
        <input type="hidden" name="institutionId" value={props.institutionId} />
        {Object.entries(props.hidden ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <label htmlFor={`${id}-file`}>{labels.file}</label>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          aria-describedby={`${id}-columns`}
        />
        <div style={{ display: "flex", gap: "0.5rem", flexWrap: "wrap" }}>
          <button type="submit" name="mode" value="preview" className="button button-secondary" disabled={isPending}>
            {labels.preview}
          </button>
          <button type="submit" name="mode" value="import" className="button" disabled={isPending}>
            {labels.confirm}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {state?.status === "done" && (
          <p className="success-text">
            {formatMessage(labels.done, { created: state.created, updated: state.updated })}
          </p>
        )}
        {state?.status === "failed" && <p className="error-text">{state.message}</p>}
        {state?.status === "queued" && (
          <p>
            {labels.queued} <a href={`/officer/jobs/${state.jobId}`}>{labels.follow}</a>
          </p>
        )}
        {state?.status === "errors" && (
          <p className="error-text">{formatMessage(labels.errorsTitle, { count: state.errors.length })}</p>
        )}
        {state?.status === "preview" && <p>{formatMessage(labels.previewTitle, { count: state.count })}</p>}
      </div>
      {state?.status === "errors" && (
        <table className="table">
          {/* The status above says it on screen; the caption names the table for screen readers. */}
          <caption className="fr-sr-only">{formatMessage(labels.errorsTitle, { count: state.errors.length })}</caption>
          <thead>
            <tr>
              <th scope="col" style={{ whiteSpace: "nowrap" }}>
                {labels.line}
              </th>
              <th scope="col">{labels.message}</th>
            </tr>
          </thead>
          <tbody>
            {state.errors.map((error, index) => (
              <tr key={index}>
                <th scope="row">{error.line}</th>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state?.status === "preview" && (
        <div
          style={{ overflowX: "auto" }}
          tabIndex={0}
          role="region"
          aria-label={formatMessage(labels.previewTitle, { count: state.count })}
        >
          <table className="table">
            <caption className="fr-sr-only">{formatMessage(labels.previewTitle, { count: state.count })}</caption>
            <thead>
              <tr>
                {state.headers.map((header) => (
                  <th key={header} scope="col">
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {state.preview.map((row, index) => (
                <tr key={index}>
                  {row.map((cell, column) => (
                    <td key={column}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
