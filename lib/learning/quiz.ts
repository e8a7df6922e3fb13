// Quiz content and scoring. Scoring happens on the server only: the browser receives the quiz
// through `toPublicQuiz`, which strips answers and feedback, and gets them back after submitting.
import { z } from "zod";

const ZText = z.object({ fr: z.string(), en: z.string().optional() });
const ZOption = z.object({ id: z.string().min(1).max(40), label: ZText });

export const ZQuizQuestion = z.discriminatedUnion("type", [
  z.object({
    id: z.string().min(1).max(40),
    type: z.literal("single"),
    prompt: ZText,
    options: z.array(ZOption).min(2),
    answer: z.array(z.string()).length(1),
    feedback: ZText.optional(),
  }),
  z.object({
    id: z.string().min(1).max(40),
    type: z.literal("multiple"),
    prompt: ZText,
    options: z.array(ZOption).min(2),
    answer: z.array(z.string()).min(1),
    feedback: ZText.optional(),
  }),
  z.object({
    id: z.string().min(1).max(40),
    type: z.literal("true_false"),
    prompt: ZText,
    answer: z.array(z.boolean()).length(1),
    feedback: ZText.optional(),
  }),
  z.object({
    id: z.string().min(1).max(40),
    type: z.literal("short"),
    prompt: ZText,
    answer: z.array(z.string().min(1)).min(1),
    feedback: ZText.optional(),
  }),
]);
export const ZQuizContent = z.object({
  passMark: z.number().min(0).max(1),
  attemptLimit: z.number().int().min(1).max(100).nullable().optional(),
  questions: z.array(ZQuizQuestion).min(1).max(100),
});
export type TQuizContent = z.infer<typeof ZQuizContent>;
export type TQuizQuestion = z.infer<typeof ZQuizQuestion>;

/** A learner's responses: question id → option ids (single/multiple), "true"/"false", or the typed text. */
export const ZQuizAnswers = z.record(
  z.string().max(40),
  z.union([z.string().max(500), z.array(z.string().max(40)).max(50)]),
);
export type TQuizAnswers = z.infer<typeof ZQuizAnswers>;

export type TPublicQuestion =
  | {
      id: string;
      type: "single" | "multiple";
      prompt: { fr: string; en?: string };
      options: { id: string; label: { fr: string; en?: string } }[];
    }
  | { id: string; type: "true_false" | "short"; prompt: { fr: string; en?: string } };

/** What the browser may see before submitting: no answers, no feedback. */
export function toPublicQuiz(quiz: TQuizContent): {
  passMark: number;
  attemptLimit: number | null;
  questions: TPublicQuestion[];
} {
  return {
    passMark: quiz.passMark,
    attemptLimit: quiz.attemptLimit ?? null,
    questions: quiz.questions.map((question) =>
      question.type === "single" || question.type === "multiple"
        ? {
            id: question.id,
            type: question.type,
            prompt: question.prompt,
            options: question.options.map((option) => ({ id: option.id, label: option.label })),
          }
        : { id: question.id, type: question.type, prompt: question.prompt },
    ),
  };
}

/** Short answers match ignoring case, accents, surrounding and repeated spaces. */
export function normaliseShortAnswer(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function isCorrect(question: TQuizQuestion, response: string | string[] | undefined): boolean {
  switch (question.type) {
    case "single":
    case "multiple": {
      const given = new Set(asList(response));
      const expected = new Set(question.answer);
      return given.size === expected.size && [...given].every((id) => expected.has(id));
    }
    case "true_false": {
      const given = asList(response);
      return given.length === 1 && given[0] === String(question.answer[0]);
    }
    case "short": {
      const given = asList(response);
      return (
        given.length === 1 &&
        question.answer.some((accepted) => normaliseShortAnswer(accepted) === normaliseShortAnswer(given[0]!))
      );
    }
  }
}

export type TQuizResult = {
  scaledScore: number;
  isPassed: boolean;
  questions: { id: string; isCorrect: boolean; feedback: { fr: string; en?: string } | null }[];
};

/** Scores a submission: each question counts the same; unanswered questions are wrong. */
export function scoreQuiz(quiz: TQuizContent, answers: TQuizAnswers): TQuizResult {
  const questions = quiz.questions.map((question) => ({
    id: question.id,
    isCorrect: isCorrect(question, answers[question.id]),
    feedback: question.feedback ?? null,
  }));
  const scaledScore =
    Math.round((questions.filter((question) => question.isCorrect).length / questions.length) * 10_000) / 10_000;
  return { scaledScore, isPassed: scaledScore >= quiz.passMark, questions };
}
