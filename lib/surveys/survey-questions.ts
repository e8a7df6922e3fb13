import type { SurveyKind } from "../db/generated/enums";

/** Every question is a 1–5 rating; the indicators average them (lib/indicators/measures/surveys.ts). */
export const SURVEY_QUESTIONS: Record<SurveyKind, readonly string[]> = {
  SATISFACTION: ["content", "organisation", "trainer", "usefulness", "overall"],
  FOLLOW_UP: ["applied", "effective", "recommend"],
};

/** The follow-up survey is offered this many days after completion (a few months, DESIGN.md §1). */
export const FOLLOW_UP_DELAY_DAYS = 90;
