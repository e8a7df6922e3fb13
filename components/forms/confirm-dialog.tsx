"use client";
import { useEffect, useRef } from "react";
import "./forms.css";

export type TConfirmation = {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  /** Ask only when this field has this value (refusing, not approving); always when absent. */
  when?: { name: string; value: string };
};

/** Whether submitting these values needs the person to confirm first. */
export function needsConfirmation(confirmation: TConfirmation | undefined, input: FormData): boolean {
  if (!confirmation) return false;
  return !confirmation.when || input.get(confirmation.when.name) === confirmation.when.value;
}

/**
 * A modal confirmation before an action that cannot be taken back. The native dialog element
 * gives the focus trap, Escape to cancel and the inert page behind it; focus starts on cancel,
 * the safe choice.
 */
export function ConfirmDialog(props: {
  id: string;
  confirmation: TConfirmation;
  isOpen: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { isOpen, onCancel } = props;
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);
  return (
    <dialog
      ref={dialogRef}
      className="confirm-dialog"
      aria-labelledby={`${props.id}-title`}
      aria-describedby={`${props.id}-message`}
      onClose={() => isOpen && onCancel()}
    >
      <h2 id={`${props.id}-title`}>{props.confirmation.title}</h2>
      <p id={`${props.id}-message`}>{props.confirmation.message}</p>
      <div className="actions-row">
        <button type="button" className="button button-secondary" autoFocus onClick={onCancel}>
          {props.confirmation.cancelLabel}
        </button>
        <button type="button" className="button button-danger" onClick={props.onConfirm}>
          {props.confirmation.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
