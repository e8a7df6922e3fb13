import type { TLocale } from "@/lib/i18n/config";
import type { TTranslate } from "@/lib/i18n/translate";
import type { TPublicQuestion } from "@/lib/learning/quiz";
import { submitQuizAction } from "@/app/player/[enrolmentId]/submit-quiz.action";

type TProps = {
  t: TTranslate;
  locale: TLocale;
  enrolmentId: string;
  activityKey: string;
  idempotencyKey: string;
  questions: TPublicQuestion[];
  isDisabled: boolean;
};

const text = (locale: TLocale, value: { fr: string; en?: string }) =>
  locale === "en" && value.en ? value.en : value.fr;

/** Server-rendered quiz (works without JavaScript); the idempotency key comes with the form. */
export function QuizForm({ t, locale, enrolmentId, activityKey, idempotencyKey, questions, isDisabled }: TProps) {
  return (
    <form action={submitQuizAction} className="quiz">
      <input type="hidden" name="enrolmentId" value={enrolmentId} />
      <input type="hidden" name="activityKey" value={activityKey} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {questions.map((question, index) => (
        <fieldset key={question.id}>
          <legend>
            {t("learning.quiz.question", { number: index + 1 })} — {text(locale, question.prompt)}
          </legend>
          {question.type === "short" ? (
            <>
              <label htmlFor={`answer-${question.id}`}>{t("learning.quiz.shortAnswer")}</label>
              <input id={`answer-${question.id}`} name={`answer:${question.id}`} maxLength={500} autoComplete="off" />
            </>
          ) : question.type === "true_false" ? (
            ["true", "false"].map((value) => (
              <label key={value} className="choice">
                <input type="radio" name={`answer:${question.id}`} value={value} />
                {value === "true" ? t("learning.quiz.true") : t("learning.quiz.false")}
              </label>
            ))
          ) : (
            "options" in question &&
            question.options.map((option) => (
              <label key={option.id} className="choice">
                <input
                  type={question.type === "single" ? "radio" : "checkbox"}
                  name={`answer:${question.id}`}
                  value={option.id}
                />
                {text(locale, option.label)}
              </label>
            ))
          )}
        </fieldset>
      ))}
      <button type="submit" className="button" disabled={isDisabled}>
        {t("learning.quiz.submit")}
      </button>
    </form>
  );
}
