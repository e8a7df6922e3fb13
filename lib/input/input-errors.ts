// Bad input as a typed refusal: one AppError INVALID per kind of problem, with an English message
// (APIs, the LRS, logs) and a message key the forms and pages show in the user's language.
import { z } from "zod";
import { AppError } from "../errors/app-error";
import { MAX_INPUT_DEPTH, type TInputProblem } from "./find-input-problem";

type TProblemKind = TInputProblem["kind"] | "syntax" | "wrong-type" | "not-storable" | "invalid" | "malformed";

const ENGLISH: Record<TProblemKind, string> = {
  nul: "contains a NUL character (U+0000), which is not accepted",
  surrogate: "contains a malformed character (an unpaired UTF-16 surrogate), which is not accepted",
  "too-deep": `is nested more than ${MAX_INPUT_DEPTH} levels deep`,
  syntax: "is not valid JSON",
  "wrong-type": "does not have the expected type",
  "not-storable": "contains a value that cannot be stored",
  invalid: "is not valid",
  malformed: "contains a malformed percent-encoding",
};

const MESSAGE_KEYS = {
  nul: "errors.input.nul",
  surrogate: "errors.input.surrogate",
  "too-deep": "errors.input.tooDeep",
  syntax: "errors.input.syntax",
  "wrong-type": "errors.input.wrongType",
  "not-storable": "errors.input.notStorable",
  invalid: "errors.input.invalid",
  malformed: "errors.input.invalid",
} as const satisfies Record<TProblemKind, string>;

/** The refusal of a bad input: 400, nothing done. `path` names the field for APIs (never shown to users). */
export function inputError(kind: TProblemKind, path = ""): AppError {
  const where = path ? `${path}: ` : "input: ";
  return new AppError("INVALID", `${where}${ENGLISH[kind]}`, {
    field: path || undefined,
    messageKey: MESSAGE_KEYS[kind],
    values: { max: MAX_INPUT_DEPTH },
  });
}

// SQLSTATEs of values PostgreSQL refuses to store or compare: NUL or an invalid byte sequence
// (22021), an untranslatable character or bad \u escape in json (22P05, 22P02 for bad text
// representations), a string over a column's length (22001), a nesting over the stack limit (54001).
const STORAGE_REFUSALS = ["22021", "22P05", "22001", "54001"];
// P2000: a value too long for its column; P2033: a number too large for its column.
const PRISMA_VALUE_REFUSALS = ["P2000", "P2033"];

/**
 * The last line of defence behind the guards of every boundary: a database refusal of the value
 * itself (never of the server's state) means the input was bad, so it is a 400, not a 500. The
 * statement failed, so nothing of it was stored (a transaction around it rolls back as a whole).
 */
export function isStorageRefusal(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as { code?: unknown; meta?: Record<string, unknown> };
  if (typeof code === "string" && PRISMA_VALUE_REFUSALS.includes(code)) return true;
  // Prisma 7 with the pg adapter: meta.driverAdapterError.cause.originalCode; raw queries (P2010): meta.code.
  const adapterCause = (meta?.driverAdapterError as { cause?: { originalCode?: unknown; code?: unknown } } | undefined)
    ?.cause;
  const states = [adapterCause?.originalCode, adapterCause?.code, meta?.code, code];
  return states.some((state) => typeof state === "string" && STORAGE_REFUSALS.includes(state));
}

/** Any thrown value that says "the input was bad" as an AppError INVALID; other values unchanged. */
export function toInputError(error: unknown): unknown {
  if (error instanceof z.ZodError) return inputError("invalid", error.issues[0]?.path.join(".") ?? "");
  if (isStorageRefusal(error)) return inputError("not-storable");
  return error;
}
