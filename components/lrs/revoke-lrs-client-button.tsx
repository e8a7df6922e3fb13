"use client";
import { useActionState } from "react";
import type { TActionResult } from "@/lib/auth/authed-action";

type TProps = {
  action: (previous: TActionResult | null, formData: FormData) => Promise<TActionResult>;
  clientId: string;
  labels: { revoke: string; revokeName: string; revoked: string };
};

export function RevokeLrsClientButton({ action, clientId, labels }: TProps) {
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="clientId" value={clientId} />
      <button type="submit" className="button button-secondary" disabled={isPending} aria-label={labels.revokeName}>
        {labels.revoke}
      </button>
      <span role="status" className={state?.ok === false ? "error-text" : "success-text"}>
        {state ? (state.ok ? labels.revoked : state.message) : ""}
      </span>
    </form>
  );
}
