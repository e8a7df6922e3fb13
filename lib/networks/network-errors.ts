import { AppError, type TErrorCode } from "../errors/app-error";
import { createTranslator, type TMessageKey, type TTranslate } from "../i18n/translate";
import type { z } from "zod";
import type fr from "../../content/messages/fr.json";

/** The refusals of the networks area; each has a sentence in both languages under networks.errors. */
export type TNetworkErrorKey = keyof (typeof fr)["networks"]["errors"];

type TNetworkErrorDetails = {
  messageKey: TMessageKey;
  values: Record<string, string | number>;
  fieldKey?: TMessageKey;
};

function build(code: TErrorCode, details: TNetworkErrorDetails): AppError {
  return new AppError(code, localizeDetails(details, createTranslator("en")), details);
}

function localizeDetails(details: TNetworkErrorDetails, t: TTranslate): string {
  const values = details.fieldKey ? { ...details.values, field: t(details.fieldKey) } : details.values;
  return t(details.messageKey, values);
}

/**
 * A domain error whose message the UI shows in the user's language (localizeNetworkError); the
 * API and the logs get the English sentence of the same key.
 */
export function networkError(
  code: TErrorCode,
  key: TNetworkErrorKey,
  values: Record<string, string | number> = {},
): AppError {
  return build(code, { messageKey: `networks.errors.${key}` as TMessageKey, values });
}

/** A zod refusal: the field's label (networks.fields.<name>) in the message, never the raw field name. */
export function invalidNetworkInput(error: z.ZodError): AppError {
  const field = String(error.issues[0]?.path[0] ?? "input");
  const fieldKey = `networks.fields.${field}` as TMessageKey;
  const known = createTranslator("en")(fieldKey) !== fieldKey;
  return build("INVALID", {
    messageKey: "networks.errors.invalidField" as TMessageKey,
    values: {},
    fieldKey: known ? fieldKey : ("networks.fields.input" as TMessageKey),
  });
}

/** The same error with its message in the translator's language (forms), when it is one of ours. */
export function localizeNetworkError(error: unknown, t: TTranslate): unknown {
  if (!(error instanceof AppError) || typeof error.details?.messageKey !== "string") return error;
  return new AppError(error.code, localizeDetails(error.details as TNetworkErrorDetails, t), error.details);
}
