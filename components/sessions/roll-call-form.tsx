"use client";
import { useActionState } from "react";
import type { TActionResult } from "@/lib/auth/authed-action";

type TProps = {
  action: (previous: TActionResult | null, input: FormData) => Promise<TActionResult>;
  slotId: string;
  agents: { registrationId: string; name: string; isPresent: boolean; note: string }[];
  labels: { legend: string; save: string; saved: string; empty: string; reason: string };
};

export function RollCallForm({ action, slotId, agents, labels }: TProps) {
  const [state, formAction, isPending] = useActionState<TActionResult | null, FormData>(action, null);
  if (agents.length === 0) return <p>{labels.empty}</p>;
  return (
    <form action={formAction} aria-describedby="roll-call-status">
      <input type="hidden" name="slotId" value={slotId} />
      <fieldset>
        <legend>{labels.legend}</legend>
        <ul className="roll-call">
          {agents.map((agent) => (
            <li key={agent.registrationId}>
              <input type="hidden" name="registrationId" value={agent.registrationId} />
              <label>
                <input type="checkbox" name="present" value={agent.registrationId} defaultChecked={agent.isPresent} />
                {agent.name}
                {agent.note && <span className="muted"> — {agent.note}</span>}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <p className="field">
        <label htmlFor="roll-call-reason">{labels.reason}</label>
        <textarea id="roll-call-reason" name="reason" rows={2} maxLength={1000} />
      </p>
      <button type="submit" className="button" disabled={isPending}>
        {labels.save}
      </button>
      <p id="roll-call-status" role="status" className={state?.ok === false ? "error-text" : "success-text"}>
        {state ? (state.ok ? labels.saved : state.message) : ""}
      </p>
    </form>
  );
}
