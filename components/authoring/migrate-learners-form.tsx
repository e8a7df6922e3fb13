"use client";
import { useActionState } from "react";
import type { TActionResult } from "@/lib/auth/authed-action";
import type { TMigrateLearnersInput } from "@/lib/authoring/migrate-learners-to-latest-version";
import { formatMessage } from "@/lib/i18n/format-message";

type TProps = {
  courseId: string;
  versionId: string;
  labels: { title: string; summary: string; submit: string; done: string };
  action: (
    previous: TActionResult<{ migrated: number }> | null,
    input: TMigrateLearnersInput,
  ) => Promise<TActionResult<{ migrated: number }>>;
};

/** Learners keep their version until the trainer moves them: this is the one place that does it. */
export function MigrateLearnersForm({ courseId, versionId, labels, action }: TProps) {
  const [state, run, isPending] = useActionState(action, null);
  return (
    <section className="card" aria-labelledby="migrate-title">
      <h2 id="migrate-title">{labels.title}</h2>
      <p>{labels.summary}</p>
      <form action={() => run({ courseId, versionId })}>
        <button type="submit" className="button button-secondary" disabled={isPending}>
          {labels.submit}
        </button>
      </form>
      <p role="status" className={state && !state.ok ? "error-text" : "success-text"}>
        {state?.ok ? formatMessage(labels.done, { count: state.data?.migrated ?? 0 }) : state?.message}
      </p>
    </section>
  );
}
