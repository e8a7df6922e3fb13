// What a quiz needs before learners can take it, field by field. The quiz editor shows each
// problem beside its field as the trainer types; the draft schema refuses the same on save.
import type { TQuizContent } from "../learning/quiz";

export type TQuizField = "prompt" | "option" | "answer" | "accepted" | "questions";
export type TQuizProblem = {
  /** -1 for the quiz as a whole (no question yet). */
  questionIndex: number;
  field: TQuizField;
  optionIndex?: number;
  messageKey:
    | "learning.authoring.quiz.errors.noQuestion"
    | "learning.authoring.quiz.errors.promptRequired"
    | "learning.authoring.quiz.errors.optionRequired"
    | "learning.authoring.quiz.errors.noCorrectAnswer"
    | "learning.authoring.quiz.errors.acceptedRequired";
};

/** Every problem of a quiz being edited; an empty list means learners can take it. */
export function findQuizProblems(quiz: Pick<TQuizContent, "questions">): TQuizProblem[] {
  if (quiz.questions.length === 0)
    return [{ questionIndex: -1, field: "questions", messageKey: "learning.authoring.quiz.errors.noQuestion" }];
  return quiz.questions.flatMap((question, questionIndex): TQuizProblem[] => {
    const problems: TQuizProblem[] = [];
    if (!question.prompt.fr.trim())
      problems.push({ questionIndex, field: "prompt", messageKey: "learning.authoring.quiz.errors.promptRequired" });
    if (question.type === "single" || question.type === "multiple") {
      question.options.forEach((option, optionIndex) => {
        if (!option.label.fr.trim())
          problems.push({
            questionIndex,
            field: "option",
            optionIndex,
            messageKey: "learning.authoring.quiz.errors.optionRequired",
          });
      });
      const ids = new Set(question.options.map((option) => option.id));
      if (!question.answer.some((id) => ids.has(id)))
        problems.push({ questionIndex, field: "answer", messageKey: "learning.authoring.quiz.errors.noCorrectAnswer" });
    }
    if (question.type === "short" && !question.answer.some((answer) => answer.trim()))
      problems.push({
        questionIndex,
        field: "accepted",
        messageKey: "learning.authoring.quiz.errors.acceptedRequired",
      });
    return problems;
  });
}
