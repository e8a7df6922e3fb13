"use client";
import type { TQuizContent, TQuizQuestion } from "@/lib/learning/quiz";
import { formatMessage } from "@/lib/i18n/format-message";

type TLabels = {
  passMark: string;
  attemptLimit: string;
  addQuestion: string;
  question: string;
  type: string;
  prompt: string;
  promptEn: string;
  option: string;
  optionEn: string;
  isCorrect: string;
  feedbackEn: string;
  addOption: string;
  correctTrue: string;
  acceptedAnswers: string;
  feedback: string;
  removeQuestion: string;
  types: Record<TQuizQuestion["type"], string>;
};
type TProps = { id: string; value: TQuizContent; onChange: (value: TQuizContent) => void; labels: TLabels };

const LETTERS = "abcdefghij";
function blankQuestion(type: TQuizQuestion["type"], id: string): TQuizQuestion {
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

/** Structured quiz editor: every field is a labelled control, so it works by keyboard and screen reader. */
export function QuizEditor({ id, value, onChange, labels }: TProps) {
  const setQuestion = (index: number, question: TQuizQuestion) =>
    onChange({
      ...value,
      questions: value.questions.map((current, position) => (position === index ? question : current)),
    });
  return (
    <div className="form quiz-editor">
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
      {value.questions.map((question, index) => {
        const qid = `${id}-q${index}`;
        return (
          <fieldset key={question.id}>
            <legend>{formatMessage(labels.question, { number: index + 1 })}</legend>
            <label htmlFor={`${qid}-type`}>{labels.type}</label>
            <select
              id={`${qid}-type`}
              value={question.type}
              onChange={(event) =>
                setQuestion(index, {
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
            <label htmlFor={`${qid}-prompt`}>{labels.prompt}</label>
            <input
              id={`${qid}-prompt`}
              value={question.prompt.fr}
              onChange={(event) =>
                setQuestion(index, { ...question, prompt: { ...question.prompt, fr: event.target.value } })
              }
            />
            <label htmlFor={`${qid}-prompt-en`}>{labels.promptEn}</label>
            <input
              id={`${qid}-prompt-en`}
              lang="en"
              value={question.prompt.en ?? ""}
              onChange={(event) =>
                setQuestion(index, { ...question, prompt: { ...question.prompt, en: event.target.value } })
              }
            />
            {(question.type === "single" || question.type === "multiple") && (
              <>
                {question.options.map((option, optionIndex) => {
                  const letter = LETTERS[optionIndex] ?? String(optionIndex);
                  const isAnswer = question.answer.includes(option.id);
                  return (
                    <div key={option.id} className="actions-row">
                      <label htmlFor={`${qid}-o${optionIndex}`}>{formatMessage(labels.option, { letter })}</label>
                      <input
                        id={`${qid}-o${optionIndex}`}
                        value={option.label.fr}
                        onChange={(event) =>
                          setQuestion(index, {
                            ...question,
                            options: question.options.map((current) =>
                              current.id === option.id
                                ? { ...current, label: { ...current.label, fr: event.target.value } }
                                : current,
                            ),
                          })
                        }
                      />
                      <label htmlFor={`${qid}-o${optionIndex}-en`}>{formatMessage(labels.optionEn, { letter })}</label>
                      <input
                        id={`${qid}-o${optionIndex}-en`}
                        lang="en"
                        value={option.label.en ?? ""}
                        onChange={(event) =>
                          setQuestion(index, {
                            ...question,
                            options: question.options.map((current) =>
                              current.id === option.id
                                ? { ...current, label: { ...current.label, en: event.target.value } }
                                : current,
                            ),
                          })
                        }
                      />
                      <label className="choice">
                        <input
                          type={question.type === "single" ? "radio" : "checkbox"}
                          name={`${qid}-answer`}
                          checked={isAnswer}
                          onChange={() =>
                            setQuestion(index, {
                              ...question,
                              answer:
                                question.type === "single"
                                  ? [option.id]
                                  : isAnswer
                                    ? question.answer.filter((answer) => answer !== option.id)
                                    : [...question.answer, option.id],
                            })
                          }
                        />
                        {formatMessage(labels.isCorrect, { letter })}
                      </label>
                    </div>
                  );
                })}
                {question.options.length < LETTERS.length && (
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() =>
                      setQuestion(index, {
                        ...question,
                        options: [...question.options, { id: LETTERS[question.options.length]!, label: { fr: "" } }],
                      })
                    }
                  >
                    {labels.addOption}
                  </button>
                )}
              </>
            )}
            {question.type === "true_false" && (
              <label className="choice">
                <input
                  type="checkbox"
                  checked={question.answer[0] === true}
                  onChange={(event) => setQuestion(index, { ...question, answer: [event.target.checked] })}
                />
                {labels.correctTrue}
              </label>
            )}
            {question.type === "short" && (
              <>
                <label htmlFor={`${qid}-accepted`}>{labels.acceptedAnswers}</label>
                <input
                  id={`${qid}-accepted`}
                  value={question.answer.join("|")}
                  onChange={(event) => setQuestion(index, { ...question, answer: event.target.value.split("|") })}
                />
              </>
            )}
            <label htmlFor={`${qid}-feedback`}>{labels.feedback}</label>
            <textarea
              id={`${qid}-feedback`}
              value={question.feedback?.fr ?? ""}
              onChange={(event) =>
                setQuestion(index, { ...question, feedback: { ...question.feedback, fr: event.target.value } })
              }
            />
            <label htmlFor={`${qid}-feedback-en`}>{labels.feedbackEn}</label>
            <textarea
              id={`${qid}-feedback-en`}
              lang="en"
              value={question.feedback?.en ?? ""}
              onChange={(event) =>
                setQuestion(index, {
                  ...question,
                  feedback: { fr: question.feedback?.fr ?? "", en: event.target.value },
                })
              }
            />
            <button
              type="button"
              className="button button-tertiary"
              onClick={() =>
                onChange({ ...value, questions: value.questions.filter((_, position) => position !== index) })
              }
            >
              {formatMessage(labels.removeQuestion, { number: index + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button-secondary"
        onClick={() =>
          onChange({
            ...value,
            questions: [...value.questions, blankQuestion("single", `q${Date.now().toString(36)}`)],
          })
        }
      >
        {labels.addQuestion}
      </button>
    </div>
  );
}
