"use client";
import { useEffect, useRef, useState } from "react";
import { FieldError, fieldErrorProps } from "@/components/forms/field-error";
import { toLinkHref } from "@/lib/authoring/link-href";
import type { TLinkDialogLabels } from "./editor-tool-labels";

export type TLinkValue = { href: string; text: string };

/**
 * The link dialog: a native modal dialog (focus trapped, Escape closes, the page behind inert).
 * The address must be http(s) or mailto (checked again on save); "remove" unlinks the selection.
 * Whoever opens it puts the focus back into the editor when it closes.
 */
export function LinkDialog(props: {
  id: string;
  isOpen: boolean;
  initial: TLinkValue;
  /** An existing link is being edited: "remove" is offered. */
  isEditing: boolean;
  labels: TLinkDialogLabels;
  onApply: (value: TLinkValue) => void;
  onRemove: () => void;
  onClose: () => void;
  /** Called once the dialog has closed (and the browser has put the focus back where it was). */
  onAfterClose: () => void;
}) {
  const { id, isOpen, initial, labels, onClose, onAfterClose } = props;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [href, setHref] = useState(initial.href);
  const [text, setText] = useState(initial.text);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) {
      setHref(initial.href);
      setText(initial.text);
      setError(undefined);
      dialog.showModal();
    }
    if (!isOpen && dialog.open) {
      dialog.close();
      onAfterClose();
    }
  }, [isOpen, initial, onAfterClose]);

  function apply() {
    if (!href.trim()) return setError(labels.urlRequired);
    const safe = toLinkHref(href);
    if (!safe) return setError(labels.invalidUrl);
    props.onApply({ href: safe, text: text.trim() });
  }

  const errorId = `${id}-url-error`;
  return (
    <dialog
      ref={dialogRef}
      className="confirm-dialog link-dialog"
      aria-labelledby={`${id}-title`}
      onClose={() => isOpen && onClose()}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        <h2 id={`${id}-title`}>{props.isEditing ? labels.titleEdit : labels.title}</h2>
        <div className={`fr-input-group${error ? " fr-input-group--error" : ""}`}>
          <label className="fr-label" htmlFor={`${id}-url`}>
            {labels.url}
            <span className="fr-hint-text" id={`${id}-url-hint`}>
              {labels.urlHint}
            </span>
          </label>
          <input
            id={`${id}-url`}
            className="fr-input"
            type="text"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            autoFocus
            required
            maxLength={2048}
            value={href}
            onChange={(event) => {
              setHref(event.target.value);
              setError(undefined);
            }}
            {...fieldErrorProps(errorId, error)}
            aria-describedby={error ? `${id}-url-hint ${errorId}` : `${id}-url-hint`}
          />
          <FieldError id={errorId} message={error} />
        </div>
        <div className="fr-input-group">
          <label className="fr-label" htmlFor={`${id}-text`}>
            {labels.text}
            <span className="fr-hint-text">{labels.textHint}</span>
          </label>
          <input
            id={`${id}-text`}
            className="fr-input"
            maxLength={500}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <div className="actions-row">
          <button type="submit" className="button button-with-icon">
            <span className="fr-icon-link" aria-hidden="true" />
            {labels.apply}
          </button>
          {props.isEditing && (
            <button type="button" className="button button-secondary button-with-icon" onClick={props.onRemove}>
              <span className="fr-icon-link-unlink" aria-hidden="true" />
              {labels.remove}
            </button>
          )}
          <button type="button" className="button button-tertiary" onClick={onClose}>
            {labels.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
