import type { TLocale } from "@/lib/i18n/config";
import type { TTranslate } from "@/lib/i18n/translate";
import type { TPublicQuestion, TQuizResult } from "@/lib/learning/quiz";

type TProps = {
  t: TTranslate;
  locale: TLocale;
  result: TQuizResult & { number: number };
  questions: TPublicQuestion[];
  passMark: number;
};

const text = (locale: TLocale, value: { fr: string; en?: string }) =>
  locale === "en" && value.en ? value.en : value.fr;

/** The result of a submitted attempt, with each question's feedback (revealed only now). */
export function QuizResult({ t, locale, result, questions, passMark }: TProps) {
  const promptOf = new Map(questions.map((question) => [question.id, question.prompt]));
  return (
    <section id="quiz-result" className="quiz-result" aria-labelledby="quiz-result-title" tabIndex={-1}>
      <h3 id="quiz-result-title">{t("learning.quiz.score", { percent: Math.round(result.scaledScore * 100) })}</h3>
      <p role="status">
        {result.isPassed
          ? t("learning.quiz.passed", { passMark: Math.round(passMark * 100) })
          : t("learning.quiz.failed", { passMark: Math.round(passMark * 100) })}
      </p>
      <ol>
        {result.questions.map((question) => {
          const prompt = promptOf.get(question.id);
          return (
            <li key={question.id}>
              {prompt && <p>{text(locale, prompt)}</p>}
              <p>
                <strong>{question.isCorrect ? t("learning.quiz.correct") : t("learning.quiz.incorrect")}</strong>
                {question.feedback && <> — {text(locale, question.feedback)}</>}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
