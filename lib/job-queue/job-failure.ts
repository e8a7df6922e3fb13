import { isAppError } from "../errors/app-error";
import { isLocalized, keyedError, translateAppError, type TLocalizedDetails } from "../errors/localized-error";
import type { TMessageKey, TMessageValues, TTranslate } from "../i18n/translate";

type TJobFailure = { errorMessage: string; errorDetails?: TLocalizedDetails };

/**
 * What a failed job keeps of its error: the English text for the logs, and the message key with
 * its values so that its owner reads it in their language whenever they look. An unexpected error
 * is never shown as such (the caller logs it).
 */
export function jobFailureOf(error: unknown): TJobFailure {
  if (isAppError(error) && isLocalized(error)) {
    const { messageKey, values, valueKeys } = error.details as TLocalizedDetails;
    return {
      errorMessage: error.userMessage,
      errorDetails: { messageKey, values, ...(valueKeys ? { valueKeys } : {}) },
    };
  }
  // A domain error without a key yet keeps its own text.
  if (isAppError(error)) return { errorMessage: error.userMessage };
  return jobFailure("errors.jobs.unexpected", {}, "An unexpected error occurred. It has been logged.");
}

/** A failure named by its message key (the job could not be queued, it never finished). */
export function jobFailure(messageKey: TMessageKey, values: TMessageValues, english: string): TJobFailure {
  return { errorMessage: english, errorDetails: { messageKey, values } };
}

/** A job's failure in the reader's language; rows written before errorDetails existed show their text. */
export function jobErrorText(
  job: { errorMessage: string | null; errorDetails?: unknown },
  t: TTranslate,
): string | null {
  const details = job.errorDetails as Partial<TLocalizedDetails> | null;
  if (!details || typeof details.messageKey !== "string") return job.errorMessage;
  const error = keyedError("INVALID", details.messageKey, details.values ?? {});
  if (details.valueKeys) Object.assign(error.details!, { valueKeys: details.valueKeys });
  return translateAppError(error, t);
}
