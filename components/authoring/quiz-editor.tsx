"use client";
import { useState } from "react";
import type { TQuizContent, TQuizQuestion } from "@/lib/learning/quiz";
import { findQuizProblems } from "@/lib/authoring/find-quiz-problems";
import { QuizQuestionCard, blankQuestion } from "./quiz-question-card";
import "./authoring.css";

export type TQuizLabels = {
  settings: string;
  passMark: string;
  attemptLimit: string;
  addQuestion: string;
  question: string;
  type: string;
  prompt: string;
  promptEn: string;
  options: string;
  option: string;
  optionEn: string;
  isCorrect: string;
  feedbackEn: string;
  addOption: string;
  removeOption: string;
  moveOptionUp: string;
  moveOptionDown: string;
  moveQuestionUp: string;
  moveQuestionDown: string;
  correctTrue: string;
  acceptedAnswers: string;
  feedback: string;
  removeQuestion: string;
  types: Record<TQuizQuestion["type"], string>;
  errors: {
    noQuestion: string;
    promptRequired: string;
    optionRequired: string;
    noCorrectAnswer: string;
    acceptedRequired: string;
  };
};
type TProps = { id: string; value: TQuizContent; onChange: (value: TQuizContent) => void; labels: TQuizLabels };

function move<T>(items: T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length) return items;
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
}

/**
 * Structured quiz editor: the quiz's settings, then one card per question whose every field is a
 * labelled control (keyboard and screen reader), each problem written beside its field.
 */
export function QuizEditor({ id, value, onChange, labels }: TProps) {
  // Which fields the trainer has left: their problems show from then on (`${questionId}:${field}`).
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const problems = findQuizProblems(value);
  const setQuestions = (questions: TQuizQuestion[]) => onChange({ ...value, questions });
  return (
    <div className="form quiz-editor">
      <fieldset className="quiz-settings">
        <legend className="visually-hidden">{labels.settings}</legend>
        <div>
          <label htmlFor={`${id}-pass`}>{labels.passMark}</label>
          <input
            id={`${id}-pass`}
            type="number"
            min={0}
            max={100}
            value={Math.round(value.passMark * 100)}
            onChange={(event) =>
              onChange({ ...value, passMark: Math.min(100, Math.max(0, Number(event.target.value))) / 100 })
            }
          />
        </div>
        <div>
          <label htmlFor={`${id}-attempts`}>{labels.attemptLimit}</label>
          <input
            id={`${id}-attempts`}
            type="number"
            min={1}
            max={100}
            value={value.attemptLimit ?? ""}
            onChange={(event) =>
              onChange({ ...value, attemptLimit: event.target.value ? Number(event.target.value) : null })
            }
          />
        </div>
      </fieldset>
      {value.questions.length === 0 && <p className="muted">{labels.errors.noQuestion}</p>}
      {value.questions.map((question, index) => {
        const prefix = `${question.id}:`;
        const own = new Set(
          [...touched].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length)),
        );
        return (
          <QuizQuestionCard
            key={question.id}
            qid={`${id}-q${index}`}
            index={index}
            count={value.questions.length}
            question={question}
            labels={labels}
            problems={problems.filter((problem) => problem.questionIndex === index)}
            touched={own}
            onTouch={(field) => setTouched((current) => new Set([...current, `${prefix}${field}`]))}
            onChange={(changed) =>
              setQuestions(value.questions.map((current, position) => (position === index ? changed : current)))
            }
            onMove={(to) => setQuestions(move(value.questions, index, to))}
            onRemove={() => setQuestions(value.questions.filter((_, position) => position !== index))}
          />
        );
      })}
      <p>
        <button
          type="button"
          className="button button-secondary button-with-icon"
          onClick={() => setQuestions([...value.questions, blankQuestion("single", `q${Date.now().toString(36)}`)])}
        >
          <span className="fr-icon-add-line" aria-hidden="true" />
          {labels.addQuestion}
        </button>
      </p>
    </div>
  );
}
