import type { z } from "zod";
import type { AppError } from "./app-error";
import { hasMessage, type TMessageKey } from "../i18n/translate";
import { localizedAppError } from "./localized-error";

/** The message of a zod issue kind, when the field it concerns has a label (fields.<name>). */
function keyOfIssue(issue: z.core.$ZodIssue): TMessageKey {
  if (issue.code === "too_big") return issue.origin === "string" ? "errors.input.tooLong" : "errors.input.tooBig";
  if (issue.code === "too_small") {
    if (issue.origin === "string" && Number(issue.minimum) <= 1) return "errors.input.required";
    return issue.origin === "string" ? "errors.input.tooShort" : "errors.input.tooSmall";
  }
  if (issue.code === "invalid_type" && issue.input === undefined) return "errors.input.required";
  return "errors.input.invalidField";
}

/**
 * zod's first issue as a refusal the person can act on, in their language: the schema's own message
 * when it is a message key (`.refine(..., { message: "sessions.errors.deadlineAfterStart" })`), else
 * what is wrong with which field, named by its label ("« Date limite d'inscription » est obligatoire.")
 * — never a raw field name. The English text (logs, APIs) keeps "field: problem".
 */
export function invalidInput(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join(".") || "input";
  const english = `${path}: ${issue?.message ?? "invalid"}`;
  if (issue && hasMessage(issue.message))
    return localizedAppError("INVALID", english, { messageKey: issue.message as TMessageKey, values: {}, field: path });
  const name = issue?.path.filter((part) => typeof part === "string").at(-1);
  const fieldKey = `fields.${name}`;
  if (!issue || !name || !hasMessage(fieldKey))
    return localizedAppError("INVALID", english, { messageKey: "errors.input.invalid", values: {}, field: path });
  return localizedAppError("INVALID", english, {
    messageKey: keyOfIssue(issue),
    values: {},
    valueKeys: { field: fieldKey as TMessageKey },
    field: path,
  });
}
