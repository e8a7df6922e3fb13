"use server";
import { authedAction } from "@/lib/auth/authed-action";
import { submitSurveyResponse, type TSurveyResponseInput } from "@/lib/surveys/submit-survey-response";

/** Input is validated (zod) and the eligibility checked by the use case: this endpoint is public. */
export const submitSurveyAction = authedAction<TSurveyResponseInput>(async (actor, input) => {
  await submitSurveyResponse(actor, input);
});
