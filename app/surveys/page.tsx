import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate } from "@/lib/i18n/format";
import { listMySurveys } from "@/lib/surveys/list-my-surveys";

export const generateMetadata = pageTitle("pageTitles.surveys");

export default async function SurveysPage() {
  const actor = await requirePagePermission("record.read");
  const { locale, t } = await getTranslator();
  const surveys = await listMySurveys(actor);
  const now = new Date();
  return (
    <>
      <h1>{t("indicators.surveys.title")}</h1>
      <p className="lead">{t("indicators.surveys.intro")}</p>
      {surveys.length === 0 ? (
        <p>{t("indicators.surveys.none")}</p>
      ) : (
        <table className="table">
          <caption>{t("indicators.surveys.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("indicators.surveys.course")}</th>
              <th scope="col">{t("indicators.surveys.state")}</th>
            </tr>
          </thead>
          <tbody>
            {surveys.map((survey) => (
              <tr key={`${survey.courseId}-${survey.kind}`}>
                <th scope="row">
                  {survey.title} — {t(`indicators.surveys.${survey.kind}`)}
                </th>
                <td>
                  {survey.isAnswered ? (
                    t("indicators.surveys.answered")
                  ) : survey.opensAt > now ? (
                    t("indicators.surveys.notYet", { date: formatDate(locale, survey.opensAt) })
                  ) : (
                    <Link href={`/surveys/${survey.courseId}/${survey.kind}`}>{t("indicators.surveys.answer")}</Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
