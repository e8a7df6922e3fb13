import "server-only";
// What a cmi5 session may do with documents (cmi5 §10, §11): LMS.LaunchData is the LMS's, the
// AU only reads it (10.2.1.0-5); cmi5LearnerPreferences, when the AU writes it, is a JSON object
// with languagePreference (a comma-separated list of RFC 5646 tags) and audioPreference (on/off)
// (11.0.0.0-5, 11.1.0.0-1). Reading the preferences is noted: initialized comes after (11.0.0.0-3).
import type { XapiDocumentKind } from "../db/generated/enums";
import { db } from "../db";
import { AppError } from "../errors/app-error";
import type { TLrsCredentials } from "./types";

export const CMI5_LAUNCH_DATA = "LMS.LaunchData";
export const CMI5_LEARNER_PREFERENCES = "cmi5LearnerPreferences";
const LANGUAGE_TAG = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;

function refuse(detail: string): never {
  throw new AppError("FORBIDDEN", `cmi5: ${detail}`);
}

export function isValidLearnerPreferences(value: unknown): boolean {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const { languagePreference, audioPreference } = value as Record<string, unknown>;
  return (
    typeof languagePreference === "string" &&
    languagePreference.split(",").every((tag) => LANGUAGE_TAG.test(tag)) &&
    (audioPreference === "on" || audioPreference === "off")
  );
}

export function checkCmi5DocumentWrite(
  credentials: TLrsCredentials,
  document: { kind: XapiDocumentKind; documentId: string | null; contentType: string | null; body: Buffer | null },
): void {
  if (credentials.kind !== "cmi5") return;
  if (document.kind === "STATE" && (document.documentId === null || document.documentId === CMI5_LAUNCH_DATA))
    refuse("LMS.LaunchData is written by the LMS only");
  if (document.kind === "AGENT_PROFILE" && document.documentId === CMI5_LEARNER_PREFERENCES && document.body) {
    if (!(document.contentType ?? "").toLowerCase().startsWith("application/json"))
      refuse("cmi5LearnerPreferences is application/json");
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(document.body.toString("utf8"));
    } catch {
      refuse("cmi5LearnerPreferences is a JSON object");
    }
    if (!isValidLearnerPreferences(parsed))
      refuse("cmi5LearnerPreferences has languagePreference (language tags) and audioPreference (on or off)");
  }
}

export async function noteCmi5DocumentRead(
  credentials: TLrsCredentials,
  kind: XapiDocumentKind,
  documentId: string,
): Promise<void> {
  if (credentials.kind !== "cmi5" || kind !== "AGENT_PROFILE" || documentId !== CMI5_LEARNER_PREFERENCES) return;
  await db.cmi5Session.updateMany({
    where: { id: credentials.sessionId, learnerPreferencesReadAt: null },
    data: { learnerPreferencesReadAt: new Date() },
  });
}
