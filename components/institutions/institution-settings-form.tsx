"use client";
import { updateInstitutionSettingsAction } from "@/app/institutions/[id]/update-settings.action";
import { useKeptFormAction } from "@/components/forms/use-kept-form-action";

type TProps = { institutionId: string; timeZone: string; labels: { timeZone: string; save: string; saved: string } };

/** The institution's time zone; a refused value stays in the field with the reason below it. */
export function InstitutionSettingsForm({ institutionId, timeZone, labels }: TProps) {
  const { state, isPending, formRef, formAction, onSubmit } = useKeptFormAction(updateInstitutionSettingsAction);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="form" aria-describedby="settings-status">
      <input type="hidden" name="institutionId" value={institutionId} />
      <label htmlFor="timeZone">{labels.timeZone}</label>
      <input id="timeZone" name="timeZone" defaultValue={timeZone} required aria-invalid={state?.ok === false} />
      <button type="submit" className="button" disabled={isPending} aria-busy={isPending}>
        {labels.save}
      </button>
      <p id="settings-status" role="status" className={state?.ok === false ? "error-text" : "success-text"}>
        {state ? (state.ok ? labels.saved : state.message) : ""}
      </p>
    </form>
  );
}
