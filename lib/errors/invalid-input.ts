import type { z } from "zod";
import { AppError } from "./app-error";

/** zod's first issue as "field: problem", so the form says which field is wrong. */
export function invalidInput(error: z.ZodError): AppError {
  const issue = error.issues[0];
  return new AppError("INVALID", `${issue?.path.join(".") || "input"}: ${issue?.message ?? "invalid"}`);
}
