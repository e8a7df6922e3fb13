import type { SurveyKind } from "../db/generated/enums";

/** Every question is a 1–5 rating; the indicators average them (lib/indicators/measures/surveys.ts). */
export const SURVEY_QUESTIONS: Record<SurveyKind, readonly string[]> = {
  SATISFACTION: ["content", "organisation", "trainer", "usefulness", "overall"],
  FOLLOW_UP: ["applied", "effective", "recommend"],
};
