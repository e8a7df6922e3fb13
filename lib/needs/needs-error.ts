import type { z } from "zod";
import { AppError, type TErrorCode } from "../errors/app-error";
import { createTranslator, type TMessageKey } from "../i18n/translate";

const english = createTranslator("en");

/**
 * A domain error of the needs area: English message for logs and APIs, and the message key and
 * values that forms translate into the user's language (lib/sessions/localize-app-error.ts).
 */
export function needsError(code: TErrorCode, messageKey: TMessageKey, values: Record<string, string | number> = {}) {
  return new AppError(code, english(messageKey, values), { messageKey, values });
}

const FIELD_KEYS: Record<string, TMessageKey> = {
  year: "needs.errors.field.year",
  opensAt: "needs.errors.field.opensAt",
  closesAt: "needs.errors.field.closesAt",
  instructions: "needs.errors.field.instructions",
  courseId: "needs.errors.field.courseId",
  title: "needs.errors.field.title",
  themeId: "needs.errors.field.themeId",
  trainingType: "needs.errors.field.trainingType",
  priority: "needs.errors.field.priority",
  justification: "needs.errors.field.justification",
  opinion: "needs.errors.field.opinion",
  decision: "needs.errors.field.decision",
  reason: "needs.errors.field.reason",
  siteId: "needs.errors.field.siteId",
  roomId: "needs.errors.field.roomId",
  courseVersionId: "needs.errors.field.courseVersionId",
  startsAt: "needs.errors.field.startsAt",
  capacity: "needs.errors.field.capacity",
  priorityDays: "needs.errors.field.priorityDays",
  needIds: "needs.errors.field.needIds",
  kind: "needs.errors.field.kind",
  plannedAgents: "needs.errors.field.plannedAgents",
  teachingBudget: "needs.errors.field.teachingBudget",
  venueBudget: "needs.errors.field.venueBudget",
  missionBudget: "needs.errors.field.missionBudget",
  actionId: "needs.errors.field.actionId",
  campaignId: "needs.errors.field.campaignId",
};

/** zod's first issue as "which field to correct", in the user's language. */
export function invalidNeedsInput(error: z.ZodError): AppError {
  const field = String(error.issues[0]?.path[0] ?? "");
  return needsError("INVALID", FIELD_KEYS[field] ?? "needs.errors.invalidInput");
}

/** Text inputs: trimmed, NUL bytes refused (PostgreSQL cannot store them in text). */
export function hasNoNul(value: string): boolean {
  return !value.includes("\u0000");
}
