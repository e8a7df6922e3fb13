import { AppError } from "./app-error";
import { hasMessage, type TMessageKey, type TMessageValues, type TTranslate } from "../i18n/translate";

/**
 * What an AppError carries so that every edge can show it in the reader's language: a message key,
 * its values, and values that are themselves message keys (a field's label), translated with it.
 */
export type TLocalizedDetails = {
  messageKey: TMessageKey;
  values: TMessageValues;
  valueKeys?: Record<string, TMessageKey>;
};

/**
 * A domain error with a message key. `message` is the English text for the logs and the xAPI
 * API (whose clients expect English); people always see the key translated (localizeAppError).
 */
export function localizedAppError(
  code: AppError["code"],
  message: string,
  details: TLocalizedDetails & Record<string, unknown>,
): AppError {
  return new AppError(code, message, details);
}

/** A refusal with its message key: `keyedError("NOT_FOUND", "errors.site.notFound")`. */
export function keyedError(code: AppError["code"], messageKey: TMessageKey, values: TMessageValues = {}): AppError {
  return localizedAppError(code, messageKey, { messageKey, values });
}

export function isLocalized(error: AppError): boolean {
  return typeof error.details?.messageKey === "string";
}

/** The error's message in the translator's language (the key, its values and its translated value keys). */
export function translateAppError(error: AppError, t: TTranslate): string {
  if (!isLocalized(error)) return error.userMessage;
  const { messageKey, values, valueKeys } = error.details as TLocalizedDetails;
  const translatedValues = Object.fromEntries(Object.entries(valueKeys ?? {}).map(([name, key]) => [name, t(key)]));
  return t(messageKey, { ...values, ...translatedValues });
}

/** The same error with its message in the translator's language, when it carries a message key; otherwise unchanged. */
export function localizeAppError(error: unknown, t: TTranslate): unknown {
  if (!(error instanceof AppError) || !isLocalized(error)) return error;
  return new AppError(error.code, translateAppError(error, t), error.details);
}

export { hasMessage };
