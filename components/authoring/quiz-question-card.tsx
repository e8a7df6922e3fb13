"use client";
import type { TQuizQuestion } from "@/lib/learning/quiz";
import type { TQuizProblem } from "@/lib/authoring/find-quiz-problems";
import { formatMessage } from "@/lib/i18n/format-message";
import { FieldError, fieldErrorProps } from "@/components/forms/field-error";
import type { TQuizLabels } from "./quiz-editor";

export const LETTERS = "abcdefghij";
type TChoiceQuestion = Extract<TQuizQuestion, { type: "single" | "multiple" }>;

export function blankQuestion(type: TQuizQuestion["type"], id: string): TQuizQuestion {
  const prompt = { fr: "" };
  if (type === "true_false") return { id, type, prompt, answer: [true] };
  if (type === "short") return { id, type, prompt, answer: [""] };
  return {
    id,
    type,
    prompt,
    options: [
      { id: "a", label: { fr: "" } },
      { id: "b", label: { fr: "" } },
    ],
    answer: ["a"],
  };
}

function move<T>(items: T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length) return items;
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
}

/** The first letter no option of this question uses yet: ids stay stable when options move or go. */
function freeOptionId(question: TChoiceQuestion): string {
  return [...LETTERS].find((letter) => !question.options.some((option) => option.id === letter)) ?? LETTERS[0]!;
}

function IconButton(props: { icon: string; label: string; isDisabled?: boolean; isDanger?: boolean; run: () => void }) {
  return (
    <button
      type="button"
      className={`icon-button${props.isDanger ? " is-danger" : ""}`}
      disabled={props.isDisabled}
      aria-label={props.label}
      title={props.label}
      onClick={props.run}
    >
      <span className={props.icon} aria-hidden="true" />
    </button>
  );
}

/** The options of a single or multiple choice question: one row each, with its "correct" toggle. */
function ChoiceOptions(props: {
  qid: string;
  question: TChoiceQuestion;
  labels: TQuizLabels;
  errorOf: (field: TQuizProblem["field"], optionIndex?: number) => string | undefined;
  onTouch: (field: string) => void;
  onChange: (question: TChoiceQuestion) => void;
}) {
  const { qid, question, labels, errorOf, onChange } = props;
  const answerError = errorOf("answer");
  return (
    <fieldset className="quiz-options" aria-describedby={answerError ? `${qid}-answer-error` : undefined}>
      <legend>{labels.options}</legend>
      <FieldError id={`${qid}-answer-error`} message={answerError} />
      {question.options.map((option, optionIndex) => {
        const letter = LETTERS[optionIndex] ?? String(optionIndex);
        const isAnswer = question.answer.includes(option.id);
        const optionId = `${qid}-o${optionIndex}`;
        const error = errorOf("option", optionIndex);
        const setLabel = (language: "fr" | "en", text: string) =>
          onChange({
            ...question,
            options: question.options.map((current) =>
              current.id === option.id ? { ...current, label: { ...current.label, [language]: text } } : current,
            ),
          });
        return (
          <div key={option.id} className={`quiz-option${isAnswer ? " is-correct" : ""}`}>
            <div>
              <label htmlFor={optionId}>{formatMessage(labels.option, { letter })}</label>
              <input
                id={optionId}
                value={option.label.fr}
                onChange={(event) => setLabel("fr", event.target.value)}
                onBlur={() => props.onTouch(`option:${option.id}`)}
                {...fieldErrorProps(`${optionId}-error`, error)}
              />
              <FieldError id={`${optionId}-error`} message={error} />
            </div>
            <div>
              <label htmlFor={`${optionId}-en`}>{formatMessage(labels.optionEn, { letter })}</label>
              <input
                id={`${optionId}-en`}
                lang="en"
                value={option.label.en ?? ""}
                onChange={(event) => setLabel("en", event.target.value)}
              />
            </div>
            <div className="quiz-option-tools">
              <label className="choice">
                <input
                  type={question.type === "single" ? "radio" : "checkbox"}
                  name={`${qid}-answer`}
                  checked={isAnswer}
                  onChange={() => {
                    props.onTouch("answer");
                    onChange({
                      ...question,
                      answer:
                        question.type === "single"
                          ? [option.id]
                          : isAnswer
                            ? question.answer.filter((answer) => answer !== option.id)
                            : [...question.answer, option.id],
                    });
                  }}
                />
                {formatMessage(labels.isCorrect, { letter })}
              </label>
              <IconButton
                icon="fr-icon-arrow-up-line"
                label={formatMessage(labels.moveOptionUp, { letter })}
                isDisabled={optionIndex === 0}
                run={() => onChange({ ...question, options: move(question.options, optionIndex, optionIndex - 1) })}
              />
              <IconButton
                icon="fr-icon-arrow-down-line"
                label={formatMessage(labels.moveOptionDown, { letter })}
                isDisabled={optionIndex === question.options.length - 1}
                run={() => onChange({ ...question, options: move(question.options, optionIndex, optionIndex + 1) })}
              />
              <IconButton
                icon="fr-icon-delete-line"
                label={formatMessage(labels.removeOption, { letter })}
                isDanger
                // A choice question keeps two options at least (the schema's rule).
                isDisabled={question.options.length <= 2}
                run={() =>
                  onChange({
                    ...question,
                    options: question.options.filter((current) => current.id !== option.id),
                    answer: question.answer.filter((answer) => answer !== option.id),
                  })
                }
              />
            </div>
          </div>
        );
      })}
      {question.options.length < LETTERS.length && (
        <button
          type="button"
          className="button button-secondary button-with-icon"
          onClick={() =>
            onChange({ ...question, options: [...question.options, { id: freeOptionId(question), label: { fr: "" } }] })
          }
        >
          <span className="fr-icon-add-line" aria-hidden="true" />
          {labels.addOption}
        </button>
      )}
    </fieldset>
  );
}

/** One quiz question as a card: statement, type, answers, explanation, and its own move/remove tools. */
export function QuizQuestionCard(props: {
  qid: string;
  index: number;
  count: number;
  question: TQuizQuestion;
  labels: TQuizLabels;
  problems: TQuizProblem[];
  touched: ReadonlySet<string>;
  onTouch: (field: string) => void;
  onChange: (question: TQuizQuestion) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { qid, index, question, labels, onChange } = props;
  const number = index + 1;
  // A problem shows once its field was left (or, for the answer, once a toggle was used): not while typing the first letter.
  const errorOf = (field: TQuizProblem["field"], optionIndex?: number) => {
    const problem = props.problems.find(
      (candidate) => candidate.field === field && candidate.optionIndex === optionIndex,
    );
    if (!problem) return undefined;
    const option = optionIndex === undefined || !("options" in question) ? null : question.options[optionIndex];
    const touchKey = field === "option" && option ? `option:${option.id}` : field;
    const isShown =
      props.touched.has(touchKey) ||
      (field === "answer" && [...props.touched].some((key) => key.startsWith("option:")));
    return isShown ? labels.errors[problem.messageKey.split(".").at(-1) as keyof TQuizLabels["errors"]] : undefined;
  };
  const promptError = errorOf("prompt");
  const acceptedError = errorOf("accepted");
  return (
    <fieldset className="quiz-question">
      <legend>{formatMessage(labels.question, { number })}</legend>
      <div className="quiz-question-head">
        <div>
          <label htmlFor={`${qid}-type`}>{labels.type}</label>
          <select
            id={`${qid}-type`}
            value={question.type}
            onChange={(event) =>
              onChange({
                ...blankQuestion(event.target.value as TQuizQuestion["type"], question.id),
                prompt: question.prompt,
                feedback: question.feedback,
              })
            }
          >
            {(Object.keys(labels.types) as TQuizQuestion["type"][]).map((type) => (
              <option key={type} value={type}>
                {labels.types[type]}
              </option>
            ))}
          </select>
        </div>
        <div className="quiz-question-tools">
          <IconButton
            icon="fr-icon-arrow-up-line"
            label={formatMessage(labels.moveQuestionUp, { number })}
            isDisabled={index === 0}
            run={() => props.onMove(index - 1)}
          />
          <IconButton
            icon="fr-icon-arrow-down-line"
            label={formatMessage(labels.moveQuestionDown, { number })}
            isDisabled={index === props.count - 1}
            run={() => props.onMove(index + 1)}
          />
          <IconButton
            icon="fr-icon-delete-line"
            label={formatMessage(labels.removeQuestion, { number })}
            isDanger
            run={props.onRemove}
          />
        </div>
      </div>
      <label htmlFor={`${qid}-prompt`}>{labels.prompt}</label>
      <input
        id={`${qid}-prompt`}
        value={question.prompt.fr}
        onChange={(event) => onChange({ ...question, prompt: { ...question.prompt, fr: event.target.value } })}
        onBlur={() => props.onTouch("prompt")}
        {...fieldErrorProps(`${qid}-prompt-error`, promptError)}
      />
      <FieldError id={`${qid}-prompt-error`} message={promptError} />
      <label htmlFor={`${qid}-prompt-en`}>{labels.promptEn}</label>
      <input
        id={`${qid}-prompt-en`}
        lang="en"
        value={question.prompt.en ?? ""}
        onChange={(event) => onChange({ ...question, prompt: { ...question.prompt, en: event.target.value } })}
      />
      {(question.type === "single" || question.type === "multiple") && (
        <ChoiceOptions
          qid={qid}
          question={question}
          labels={labels}
          errorOf={errorOf}
          onTouch={props.onTouch}
          onChange={onChange}
        />
      )}
      {question.type === "true_false" && (
        <p>
          <label className="choice">
            <input
              type="checkbox"
              checked={question.answer[0] === true}
              onChange={(event) => onChange({ ...question, answer: [event.target.checked] })}
            />
            {labels.correctTrue}
          </label>
        </p>
      )}
      {question.type === "short" && (
        <>
          <label htmlFor={`${qid}-accepted`}>{labels.acceptedAnswers}</label>
          <input
            id={`${qid}-accepted`}
            value={question.answer.join("|")}
            onChange={(event) => onChange({ ...question, answer: event.target.value.split("|") })}
            onBlur={() => props.onTouch("accepted")}
            {...fieldErrorProps(`${qid}-accepted-error`, acceptedError)}
          />
          <FieldError id={`${qid}-accepted-error`} message={acceptedError} />
        </>
      )}
      <label htmlFor={`${qid}-feedback`}>{labels.feedback}</label>
      <textarea
        id={`${qid}-feedback`}
        value={question.feedback?.fr ?? ""}
        onChange={(event) => onChange({ ...question, feedback: { ...question.feedback, fr: event.target.value } })}
      />
      <label htmlFor={`${qid}-feedback-en`}>{labels.feedbackEn}</label>
      <textarea
        id={`${qid}-feedback-en`}
        lang="en"
        value={question.feedback?.en ?? ""}
        onChange={(event) =>
          onChange({ ...question, feedback: { fr: question.feedback?.fr ?? "", en: event.target.value } })
        }
      />
    </fieldset>
  );
}
