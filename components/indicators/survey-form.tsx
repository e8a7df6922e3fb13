"use client";
import { startTransition, useActionState, type FormEvent } from "react";
import type { TActionResult } from "@/lib/auth/authed-action";
import type { TSurveyResponseInput } from "@/lib/surveys/submit-survey-response";

/**
 * One fieldset of five radio buttons per question: keyboard- and screen-reader-friendly without
 * script tricks. Sent from onSubmit, so that a refused answer keeps every choice (React resets a
 * form whose `action` ran).
 */
export function SurveyForm(props: {
  courseId: string;
  kind: "SATISFACTION" | "FOLLOW_UP";
  questions: { code: string; label: string }[];
  labels: { scale: string; comment: string; submit: string; thanks: string };
  action: (previous: TActionResult | null, input: TSurveyResponseInput) => Promise<TActionResult>;
}) {
  const [state, run, isPending] = useActionState(props.action, null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    const answers = Object.fromEntries(
      props.questions.map((question) => [question.code, Number(formData.get(question.code))]),
    );
    const comment = String(formData.get("comment") ?? "");
    startTransition(() => run({ courseId: props.courseId, kind: props.kind, answers, comment: comment || undefined }));
  };
  if (state?.ok)
    return (
      <p role="status" className="success-text">
        {props.labels.thanks}
      </p>
    );
  return (
    <form onSubmit={submit} className="form">
      <p className="muted">{props.labels.scale}</p>
      {props.questions.map((question) => (
        <fieldset key={question.code}>
          <legend>{question.label}</legend>
          <div style={{ display: "flex", gap: "1rem", flexWrap: "wrap" }}>
            {[1, 2, 3, 4, 5].map((value) => (
              <label
                key={value}
                style={{ display: "inline-flex", gap: "0.25rem", alignItems: "center", minHeight: 44 }}
              >
                <input type="radio" name={question.code} value={value} required />
                {value}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <label htmlFor="survey-comment">{props.labels.comment}</label>
      <textarea id="survey-comment" name="comment" maxLength={2000} rows={4} />
      <button type="submit" className="button" disabled={isPending} aria-busy={isPending}>
        {props.labels.submit}
      </button>
      <div role="status">{state && !state.ok && <p className="error-text">{state.message}</p>}</div>
    </form>
  );
}
