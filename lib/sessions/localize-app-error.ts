import { AppError } from "../errors/app-error";
import type { TMessageKey, TTranslate } from "../i18n/translate";

/** Details of an AppError whose message the UI shows in the user's language: a message key and its values. */
export type TLocalizedDetails = { messageKey: TMessageKey; values: Record<string, string | number> };

/** An AppError with an English message (API, logs) that forms show translated (localizeAppError). */
export function localizedAppError(
  code: AppError["code"],
  message: string,
  details: TLocalizedDetails & Record<string, unknown>,
): AppError {
  return new AppError(code, message, details);
}

/** The same error with its message in the translator's language, when it carries a message key; otherwise unchanged. */
export function localizeAppError(error: unknown, t: TTranslate): unknown {
  if (!(error instanceof AppError) || typeof error.details?.messageKey !== "string") return error;
  const { messageKey, values } = error.details as TLocalizedDetails;
  return new AppError(error.code, t(messageKey, values), error.details);
}
