"use client";
import { useActionState, type ReactNode } from "react";
import type { TActionResult } from "@/lib/auth/authed-action";

type TProps = {
  action: (previous: TActionResult | null, input: FormData) => Promise<TActionResult>;
  hidden?: Record<string, string>;
  submitLabel: string;
  doneMessage: string;
  children?: ReactNode;
  isSecondary?: boolean;
  id: string;
};

/** A form posting to a server action; its result (done, or the error's message) is announced in a status region. */
export function ActionForm({ action, hidden = {}, submitLabel, doneMessage, children, isSecondary, id }: TProps) {
  const [state, formAction, isPending] = useActionState<TActionResult | null, FormData>(action, null);
  return (
    <form action={formAction} className="form" aria-describedby={`${id}-status`}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button type="submit" className={isSecondary ? "button button-secondary" : "button"} disabled={isPending}>
        {submitLabel}
      </button>
      <p id={`${id}-status`} role="status" className={state?.ok === false ? "error-text" : "success-text"}>
        {state ? (state.ok ? doneMessage : state.message) : ""}
      </p>
    </form>
  );
}
