"use client";
import type { TActionResult } from "@/lib/auth/authed-action";
import { FieldError, fieldErrorProps } from "@/components/forms/field-error";
import { useKeptFormAction } from "@/components/forms/use-kept-form-action";
import { formatMessage } from "@/lib/i18n/format-message";

type TCreated = { name: string; key: string; secret: string };
type TLabels = {
  heading: string;
  name: string;
  institution: string;
  national: string;
  permissions: string;
  canRead: string;
  canWrite: string;
  create: string;
  createdTitle: string;
  key: string;
  secret: string;
  secretOnce: string;
  endpoint: string;
};
type TProps = {
  action: (previous: TActionResult<TCreated> | null, formData: FormData) => Promise<TActionResult<TCreated>>;
  /** Institutions the actor may choose; `isNationalAllowed` adds "all institutions". */
  institutions: { id: string; name: string }[];
  isNationalAllowed: boolean;
  endpoint: string;
  labels: TLabels;
};

/** The credentials are shown once, right after creation: only their hash is kept. A refusal keeps the values. */
export function CreateLrsClientForm({ action, institutions, isNationalAllowed, endpoint, labels }: TProps) {
  const { state, isPending, formRef, formAction, onSubmit, errorFor } = useKeptFormAction(action, {
    resetOnSuccess: true,
  });
  const nameError = errorFor("name");
  const hasChoice = institutions.length + (isNationalAllowed ? 1 : 0) > 1;
  return (
    <section aria-labelledby="create-lrs-client-heading">
      <h2 id="create-lrs-client-heading">{labels.heading}</h2>
      <form ref={formRef} action={formAction} onSubmit={onSubmit} className="form">
        <label htmlFor="lrs-client-name">{labels.name}</label>
        <input
          id="lrs-client-name"
          name="name"
          required
          maxLength={100}
          autoComplete="off"
          {...fieldErrorProps("lrs-client-name-error", nameError)}
        />
        <FieldError id="lrs-client-name-error" message={nameError} />
        {hasChoice ? (
          <>
            <label htmlFor="lrs-client-institution">{labels.institution}</label>
            <select
              id="lrs-client-institution"
              name="institutionId"
              defaultValue={isNationalAllowed ? "" : institutions[0]?.id}
            >
              {isNationalAllowed && <option value="">{labels.national}</option>}
              {institutions.map((institution) => (
                <option key={institution.id} value={institution.id}>
                  {institution.name}
                </option>
              ))}
            </select>
          </>
        ) : (
          <input type="hidden" name="institutionId" value={institutions[0]?.id ?? ""} />
        )}
        <fieldset>
          <legend>{labels.permissions}</legend>
          <div>
            <input type="checkbox" id="lrs-client-read" name="canRead" defaultChecked />
            <label htmlFor="lrs-client-read">{labels.canRead}</label>
          </div>
          <div>
            <input type="checkbox" id="lrs-client-write" name="canWrite" />
            <label htmlFor="lrs-client-write">{labels.canWrite}</label>
          </div>
        </fieldset>
        <button type="submit" className="button" disabled={isPending} aria-busy={isPending}>
          {labels.create}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {state?.ok === false && !nameError && <p className="error-text">{state.message}</p>}
        {state?.ok && state.data && (
          <div>
            <h3>{formatMessage(labels.createdTitle, { name: state.data.name })}</h3>
            <p>{labels.secretOnce}</p>
            <dl>
              <dt>{labels.endpoint}</dt>
              <dd>
                <code>{endpoint}</code>
              </dd>
              <dt>{labels.key}</dt>
              <dd>
                <code data-testid="lrs-client-key">{state.data.key}</code>
              </dd>
              <dt>{labels.secret}</dt>
              <dd>
                <code data-testid="lrs-client-secret" style={{ overflowWrap: "anywhere" }}>
                  {state.data.secret}
                </code>
              </dd>
            </dl>
          </div>
        )}
      </div>
    </section>
  );
}
