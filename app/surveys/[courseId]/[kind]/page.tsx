import { pageTitle } from "@/lib/i18n/page-title";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getTranslator } from "@/lib/i18n/server";
import type { TMessageKey } from "@/lib/i18n/translate";
import { listMySurveys } from "@/lib/surveys/list-my-surveys";
import { SURVEY_QUESTIONS } from "@/lib/surveys/survey-questions";
import { SurveyForm } from "@/components/indicators/survey-form";
import { submitSurveyAction } from "./submit-survey.action";

export const generateMetadata = pageTitle("pageTitles.surveysCourseIdKind");

export default async function SurveyPage({ params }: { params: Promise<{ courseId: string; kind: string }> }) {
  const { courseId, kind } = await params;
  const actor = await requirePagePermission("record.read");
  if (kind !== "SATISFACTION" && kind !== "FOLLOW_UP") notFound();
  const { t } = await getTranslator();
  const survey = (await listMySurveys(actor)).find((row) => row.courseId === courseId && row.kind === kind);
  if (!survey) notFound();
  return (
    <>
      <h1>
        {t(`indicators.surveys.${kind}`)} — {survey.title}
      </h1>
      {survey.isAnswered ? (
        <p>{t("indicators.surveys.answered")}</p>
      ) : (
        <SurveyForm
          courseId={courseId}
          kind={kind}
          action={submitSurveyAction}
          questions={SURVEY_QUESTIONS[kind].map((code) => ({
            code,
            label: t(`indicators.surveys.questions.${code}` as TMessageKey),
          }))}
          labels={{
            scale: t("indicators.surveys.scale"),
            comment: t("indicators.surveys.comment"),
            submit: t("indicators.surveys.submit"),
            thanks: t("indicators.surveys.thanks"),
          }}
        />
      )}
    </>
  );
}
