"use client";
import { useActionState } from "react";
import { updateInstitutionSettingsAction, type TActionResult } from "@/app/institutions/[id]/update-settings.action";

type TProps = { institutionId: string; timeZone: string; labels: { timeZone: string; save: string; saved: string } };

export function InstitutionSettingsForm({ institutionId, timeZone, labels }: TProps) {
  const [state, formAction, isPending] = useActionState<TActionResult | null, FormData>(
    updateInstitutionSettingsAction,
    null,
  );
  return (
    <form action={formAction} className="form" aria-describedby="settings-status">
      <input type="hidden" name="institutionId" value={institutionId} />
      <label htmlFor="timeZone">{labels.timeZone}</label>
      <input id="timeZone" name="timeZone" defaultValue={timeZone} required aria-invalid={state?.ok === false} />
      <button type="submit" className="button" disabled={isPending}>
        {labels.save}
      </button>
      <p id="settings-status" role="status" className={state?.ok === false ? "error-text" : "success-text"}>
        {state ? (state.ok ? labels.saved : state.message) : ""}
      </p>
    </form>
  );
}
