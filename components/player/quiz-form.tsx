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
  /**
   * A trainer's preview of a draft: the same questions, sent back to the preview page (GET) to be
   * scored there and recorded nowhere: no attempt, no statement (app/trainer/courses/[courseId]/preview).
   */
  previewHref?: string;
};

const text = (locale: TLocale, value: { fr: string; en?: string }) =>
  locale === "en" && value.en ? value.en : value.fr;

/** Server-rendered quiz (works without JavaScript); the idempotency key comes with the form. */
export function QuizForm(props: TProps) {
  const { t, locale, enrolmentId, activityKey, idempotencyKey, questions, isDisabled, previewHref } = props;
  const hidden = previewHref ? { activity: activityKey, submitted: "1" } : { enrolmentId, activityKey, idempotencyKey };
  return (
    <form action={previewHref ?? submitQuizAction} method={previewHref ? "get" : undefined} className="quiz">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
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
