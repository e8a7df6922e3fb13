import type { z } from "zod";
import type { TLineError } from "./parse-csv";

/**
 * Every way a CSV line can be refused, in English (logs, the API, tests). The reader sees the
 * same problem in their language: `indicators.imports.lines.<problem>` in content/messages.
 */
const LINE_PROBLEMS = {
  notUtf8: 'The file is not UTF-8 encoded (saved as Latin-1 or Windows-1252?): save it again as "CSV UTF-8".',
  nul: "This line contains a NUL character (U+0000): remove it, or export the file again as CSV.",
  empty: "The file is empty.",
  noSeparator: "No separator recognised in the header: use a semicolon (;) or a comma (,) between columns.",
  missingColumns: "Missing column(s): {columns}.",
  wrongValueCount: 'Expected {expected} values separated by "{separator}", found {found}.',
  noDataLine: "The file has a header but no data line.",
  emailInvalid: "email is not a valid e-mail address",
  nameEmpty: "nom must not be empty",
  nameTooLong: "nom is too long",
  categoryInvalid: "categorie must be A, B or C",
  populationInvalid: "population must be TEACHING_RESEARCH, ADMIN_TECHNICAL or CONTRACT",
  sexInvalid: "sexe must be FEMALE, MALE or NOT_RECORDED",
  managerInvalid: "responsable must be the manager's e-mail address",
  workplaceTooLong: "lieu_de_travail is too long",
  latitudeInvalid: "latitude must be a number between -90 and 90",
  longitudeInvalid: "longitude must be a number between -180 and 180",
  coordinatesTogether: "latitude and longitude must be given together",
  duplicateEmail: "Duplicate e-mail {email} (already on line {first}).",
  yearInvalid: "annee must be a year between 2000 and 2100",
  headcountInvalid: "effectif must be a whole number",
  headcountNegative: "effectif must not be negative",
  duplicateHeadcount: "Same year, category, population and sex as line {first}.",
  // Training plan import (lib/needs/import-plan-actions.ts).
  themeUnknown: "theme {value} is neither the code nor the name of a theme",
  themeAmbiguous: "theme {value} names several themes: give its code",
  trainingTypeInvalid: "type must be T1, T2, T3, STATUTORY, EXAM_PREPARATION or SKILLS_ASSESSMENT",
  planKindInvalid: "nature must be SESSIONS, MODULE or EXTERNAL",
  titleEmpty: "intitule must not be empty",
  titleTooLong: "intitule is too long (300 characters at most)",
  courseRequired: "formation (the course's address) is required unless nature is EXTERNAL",
  courseForExternal: "an EXTERNAL training names no formation",
  courseUnknown: "formation {value} is not a course of the institution or of the national catalogue",
  plannedAgentsInvalid: "agents_prevus must be a whole number from 1 to 1,000,000",
  amountInvalid: "{column} must be an amount in euros from 0 to 10,000,000, with at most two decimals",
  tooManyLines: "The file has {lines} lines; a plan import takes at most {max}.",
} as const;

export type TLineProblem = keyof typeof LINE_PROBLEMS;

/** A refused line: the English text and the key with its values for the reader's language. */
export function lineError(
  line: number,
  problem: TLineProblem,
  values: Record<string, string | number> = {},
): TLineError {
  const message = LINE_PROBLEMS[problem].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));
  return { line, message, messageKey: `indicators.imports.lines.${problem}`, values };
}

/** The line errors of a failed line schema whose issue messages are problem names (one per problem). */
export function schemaLineErrors(line: number, error: z.ZodError): TLineError[] {
  const problems = new Set(error.issues.map((issue) => issue.message as TLineProblem));
  return [...problems].map((problem) => lineError(line, LINE_PROBLEMS[problem] ? problem : "wrongValueCount"));
}
