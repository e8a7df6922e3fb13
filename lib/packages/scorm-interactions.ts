// SCORM interactions (cmi.interactions.n.*, 1.2 and 2004) as xAPI "answered" statements, after
// ADL's SCORM-to-xAPI mapping: the interaction is the object (a cmi.interaction activity with its
// interactionType and correctResponsesPattern), the learner's response and its correctness the
// result. SCORM 1.2's response formats ("a,b", "1.a,2.b", "t") become xAPI's ("a[,]b", "1[.]a[,]2[.]b",
// "true"); 2004's are already xAPI's. Pure.
import { createHash } from "node:crypto";
import { INTERACTION_TYPES } from "../lrs/validate-statement";

const TYPES = new Set(INTERACTION_TYPES);
/** More interactions than a SCO records in one attempt: the rest is ignored, not an error. */
const MAX_INTERACTIONS = 250;

export type TScormInteraction = {
  id: string;
  interactionType: string;
  description: string | null;
  response: string | null;
  success: boolean | null;
  correctResponsesPattern: string[];
  /** What was answered: a re-commit of the same answer has the same fingerprint and is not sent again. */
  fingerprint: string;
};

type TRecord = Record<string, unknown>;
const string = (value: unknown) => (typeof value === "string" ? value : "");

function entries(value: unknown): TRecord[] {
  if (Array.isArray(value)) return value.filter((item): item is TRecord => !!item && typeof item === "object");
  if (!value || typeof value !== "object") return [];
  // scorm-again renders the collection as { "0": {...}, "1": {...} }.
  return Object.keys(value)
    .filter((key) => /^\d+$/.test(key))
    .sort((a, b) => Number(a) - Number(b))
    .map((key) => (value as TRecord)[key])
    .filter((item): item is TRecord => !!item && typeof item === "object");
}

function fromScorm12(type: string, value: string): string {
  if (type === "true-false")
    return /^(t|1|true)$/i.test(value) ? "true" : /^(f|0|false)$/i.test(value) ? "false" : value;
  if (type === "choice" || type === "sequencing") return value.split(",").join("[,]");
  if (type === "matching")
    return value
      .split(",")
      .map((pair) => pair.split(".").join("[.]"))
      .join("[,]");
  return value;
}

export function readScormInteractions(options: {
  standard: "SCORM_12" | "SCORM_2004";
  cmi: Record<string, unknown>;
}): TScormInteraction[] {
  const is12 = options.standard === "SCORM_12";
  return entries(options.cmi.interactions)
    .slice(0, MAX_INTERACTIONS)
    .flatMap((raw): TScormInteraction[] => {
      const id = string(raw.id).slice(0, 255);
      const type = string(raw.type);
      if (!id || !TYPES.has(type)) return [];
      const rawResponse = string(is12 ? raw.student_response : raw.learner_response);
      const result = string(raw.result);
      // Only an answered interaction is a statement: a SCO often declares its questions first.
      if (rawResponse === "" && result === "") return [];
      const response = rawResponse === "" ? null : is12 ? fromScorm12(type, rawResponse) : rawResponse;
      const success = result === "correct" ? true : result === "wrong" || result === "incorrect" ? false : null;
      const correctResponsesPattern = entries(raw.correct_responses)
        .map((pattern) => string(pattern.pattern))
        .filter((pattern) => pattern !== "")
        .slice(0, 20)
        .map((pattern) => (is12 ? fromScorm12(type, pattern) : pattern));
      const description = string(raw.description) || null;
      const fingerprint = createHash("sha256")
        .update(JSON.stringify([id, type, response, result, correctResponsesPattern]))
        .digest("base64url")
        .slice(0, 22);
      return [{ id, interactionType: type, description, response, success, correctResponsesPattern, fingerprint }];
    });
}
