"use client";
import { startTransition, useActionState, useRef, useState, type FormEvent } from "react";
import type { TActionResult } from "@/lib/auth/authed-action";
import { needsConfirmation, type TConfirmation } from "./confirm-dialog";

type TFormAction<TData> = (previous: TActionResult<TData> | null, input: FormData) => Promise<TActionResult<TData>>;

/**
 * A server action driven from a form that keeps what the person typed when it is refused.
 * React resets a form whose `action` ran, refused or not, so a validation error used to clear
 * every field (the session form lost its four half-days). Here the submission is dispatched
 * from onSubmit instead; the form is emptied only after a success, when `resetOnSuccess`.
 * Without JavaScript the `action` attribute still posts the form.
 */
export function useKeptFormAction<TData = undefined>(
  action: TFormAction<TData>,
  options: {
    resetOnSuccess?: boolean;
    onDone?: (result: TActionResult<TData>) => void;
    /** Asked before sending (see ConfirmDialog); the values wait until the person confirms. */
    confirmation?: TConfirmation;
  } = {},
) {
  const formRef = useRef<HTMLFormElement>(null);
  const settled = async (previous: TActionResult<TData> | null, input: FormData) => {
    const result = await action(previous, input);
    if (result.ok && options.resetOnSuccess) formRef.current?.reset();
    options.onDone?.(result);
    return result;
  };
  const [state, formAction, isPending] = useActionState<TActionResult<TData> | null, FormData>(settled, null);
  const [awaitingConfirmation, setAwaitingConfirmation] = useState<FormData | null>(null);
  const send = (input: FormData) => startTransition(() => formAction(input));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const input = new FormData(event.currentTarget, submitter instanceof HTMLElement ? submitter : null);
    if (needsConfirmation(options.confirmation, input)) setAwaitingConfirmation(input);
    else send(input);
  };
  const confirmDialog = {
    isOpen: awaitingConfirmation !== null,
    onConfirm: () => {
      if (awaitingConfirmation) send(awaitingConfirmation);
      setAwaitingConfirmation(null);
    },
    onCancel: () => setAwaitingConfirmation(null),
  };
  /** The refusal's message when it concerns this field (its form name, or a prefix such as `slots.0`). */
  const errorFor = (field: string): string | undefined =>
    state && !state.ok && state.field && (state.field === field || state.field.startsWith(`${field}.`))
      ? state.message
      : undefined;
  return { state, isPending, formRef, formAction, onSubmit, errorFor, confirmDialog };
}
