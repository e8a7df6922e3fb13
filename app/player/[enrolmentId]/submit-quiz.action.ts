"use server";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/actor";
import { assertActionInput } from "@/lib/auth/authed-action";
import { isAppError } from "@/lib/errors/app-error";
import { submitQuizAttempt } from "@/lib/learning/submit-quiz-attempt";
import { recordQuizStatements } from "@/lib/learning/record-quiz-statements";

/** Quiz form: fields "answer:<questionId>" (repeated for multiple choice). Works without JavaScript. */
export async function submitQuizAction(formData: FormData): Promise<void> {
  // A forged call with no form has no quiz to go back to.
  if (!(formData instanceof FormData)) redirect("/learn");
  const actor = await getActor();
  if (!actor) redirect("/auth/signin");
  const enrolmentId = String(formData.get("enrolmentId") ?? "");
  const activityKey = String(formData.get("activityKey") ?? "");
  const answers: Record<string, string | string[]> = {};
  for (const [name, value] of formData.entries()) {
    if (!name.startsWith("answer:") || typeof value !== "string") continue;
    const id = name.slice("answer:".length);
    const previous = answers[id];
    answers[id] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  const base = `/player/${encodeURIComponent(enrolmentId)}?activity=${encodeURIComponent(activityKey)}`;
  let target: string;
  try {
    assertActionInput(formData);
    const outcome = await submitQuizAttempt(actor, {
      enrolmentId,
      activityKey,
      idempotencyKey: String(formData.get("idempotencyKey") ?? ""),
      answers,
    });
    await recordQuizStatements(actor, { enrolmentId, activityKey, outcome, answers });
    target = `${base}&attempt=${encodeURIComponent(outcome.attemptId)}#quiz-result`;
  } catch (error) {
    if (!isAppError(error)) throw error;
    target = `${base}&quizError=${error.details?.reason === "PASSED" ? "PASSED" : error.code}`;
  }
  redirect(target);
}
