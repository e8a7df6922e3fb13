import type { Role } from "../db/generated/enums";
import type { TTranslate } from "../i18n/translate";
import type { TLineError } from "./parse-csv";

/** A refused line in the reader's language; a role named in it is translated too (never a raw enum). */
export function translateLineError(error: TLineError, t: TTranslate): TLineError {
  if (!error.messageKey) return error;
  const values = { ...error.values };
  if (typeof values.role === "string") values.role = t(`roles.${values.role as Role}`);
  return { line: error.line, message: t(error.messageKey, values) };
}

/** The job's failure message: how many lines were refused and the first of them, translated. */
export function describeRefusedLines(errors: TLineError[], t: TTranslate): string {
  const lines = errors
    .slice(0, 20)
    .map((error) =>
      t("indicators.imports.lineError", { line: error.line, message: translateLineError(error, t).message }),
    );
  return t("indicators.imports.invalidLines", { count: errors.length, lines: lines.join(" ; ") });
}
