"use client";
import { useEffect, useState, type ReactNode } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { TActionResult } from "@/lib/auth/authed-action";
import { ConfirmDialog, type TConfirmation } from "@/components/forms/confirm-dialog";
import { useKeptFormAction } from "@/components/forms/use-kept-form-action";

const ANNOUNCE_EVENT = "relais:announce";
type TAnnouncement = { text: string; isError: boolean };

type TProps = {
  action: (previous: TActionResult | null, input: FormData) => Promise<TActionResult>;
  hidden?: Record<string, string>;
  submitLabel: string;
  doneMessage: string;
  children?: ReactNode;
  isSecondary?: boolean;
  id: string;
  /**
   * The outcome goes to the page's ActionAnnouncer. For forms that the page replaces once they
   * succeed (register → cancel, a decided request leaving the list): their own status region
   * disappears with them, so a screen reader would hear nothing.
   */
  isAnnounced?: boolean;
  /** Asked in a modal before an action that cannot be taken back (cancelling, refusing). */
  confirmation?: TConfirmation;
};

/** A form posting to a server action; its result (done, or the error's message) is announced in a status region. */
export function ActionForm({
  action,
  hidden = {},
  submitLabel,
  doneMessage,
  children,
  isSecondary,
  id,
  isAnnounced,
  confirmation,
}: TProps) {
  const announced = async (previous: TActionResult | null, input: FormData): Promise<TActionResult> => {
    const result = await action(previous, input);
    const detail: TAnnouncement = { text: result.ok ? doneMessage : result.message, isError: !result.ok };
    window.dispatchEvent(new CustomEvent<TAnnouncement>(ANNOUNCE_EVENT, { detail }));
    return result;
  };
  // A refusal keeps what was typed (a reason, a date); a success empties the form.
  const { state, isPending, formRef, formAction, onSubmit, confirmDialog } = useKeptFormAction(
    isAnnounced ? announced : action,
    { resetOnSuccess: true, confirmation },
  );
  const message = state ? (state.ok ? doneMessage : state.message) : "";
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="form" aria-describedby={`${id}-status`}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button
        type="submit"
        className={isSecondary ? "button button-secondary" : "button"}
        disabled={isPending}
        aria-busy={isPending}
      >
        {submitLabel}
      </button>
      {confirmation && <ConfirmDialog id={`${id}-confirm`} confirmation={confirmation} {...confirmDialog} />}
      {isAnnounced ? (
        <p id={`${id}-status`} className={state?.ok === false ? "error-text" : "success-text"}>
          {message}
        </p>
      ) : (
        <p id={`${id}-status`} role="status" className={state?.ok === false ? "error-text" : "success-text"}>
          {message}
        </p>
      )}
    </form>
  );
}

/** A polite live region that stays on the page and speaks the outcome of its announced ActionForms. */
export function ActionAnnouncer({ id }: { id: string }) {
  const [announcement, setAnnouncement] = useState<TAnnouncement | null>(null);
  useEffect(() => {
    const listener = (event: Event) => setAnnouncement((event as CustomEvent<TAnnouncement>).detail);
    window.addEventListener(ANNOUNCE_EVENT, listener);
    return () => window.removeEventListener(ANNOUNCE_EVENT, listener);
  }, []);
  // The region stays (a screen reader follows it from the start); the DSFR alert appears inside it.
  return (
    <div id={id} role="status" aria-live="polite">
      {announcement && (
        <Alert
          small
          severity={announcement.isError ? "error" : "success"}
          description={announcement.text}
          className="fr-mb-2w"
        />
      )}
    </div>
  );
}
