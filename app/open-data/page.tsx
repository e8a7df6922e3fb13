import { pageTitle } from "@/lib/i18n/page-title";
import { getTranslator } from "@/lib/i18n/server";
import { OPEN_DATA_BREAKDOWNS } from "@/lib/opendata/build-raw-cells";
import { formatDate } from "@/lib/i18n/format";
import { getPublishedOpenData, listPublishedOpenData, ZOpenDataQuery } from "@/lib/opendata/get-open-data";
import { OpenDataTable } from "@/components/indicators/open-data-table";
import styles from "@/components/indicators/indicators.module.css";

export const generateMetadata = pageTitle("pageTitles.openData");

/** Public (no sign-in): national aggregates under statistical secrecy, with the method written out. */
export default async function OpenDataPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, t } = await getTranslator();
  const params = await searchParams;
  const years = (await listPublishedOpenData()).map((row) => row.year);
  if (years.length === 0) {
    return (
      <>
        <h1>{t("indicators.openData.title")}</h1>
        <p className="lead">{t("indicators.openData.intro")}</p>
        <p role="status">{t("indicators.openData.nothingPublished")}</p>
      </>
    );
  }
  const parsed = ZOpenDataQuery.safeParse({ year: params.year ?? years[0], breakdown: params.breakdown ?? "region" });
  const query =
    parsed.success && years.includes(parsed.data.year)
      ? parsed.data
      : { year: years[0]!, breakdown: "region" as const };
  const data = await getPublishedOpenData(query);
  const download = (format: string) => `/api/open-data?year=${data.year}&breakdown=${data.breakdown}&format=${format}`;
  return (
    <>
      <h1>{t("indicators.openData.title")}</h1>
      <p className="lead">{t("indicators.openData.intro")}</p>
      <form method="get" action="/open-data" className={styles.filters} aria-label={t("indicators.filters")}>
        <div className={styles.field}>
          <label htmlFor="open-year">{t("indicators.openData.year")}</label>
          <select id="open-year" name="year" defaultValue={String(data.year)}>
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor="open-breakdown">{t("indicators.breakdown")}</label>
          <select id="open-breakdown" name="breakdown" defaultValue={data.breakdown}>
            {OPEN_DATA_BREAKDOWNS.map((breakdown) => (
              <option key={breakdown} value={breakdown}>
                {t(`indicators.breakdowns.${breakdown}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("indicators.apply")}
        </button>
      </form>
      <p>
        {t(data.isYearToDate ? "indicators.openData.publishedYearToDate" : "indicators.openData.published", {
          year: data.year,
          date: formatDate(locale, data.publishedAt),
        })}
      </p>
      <nav aria-label={t("indicators.openData.download")} className={styles.actions}>
        <a className="button button-secondary" href={download("csv")} download>
          {t("indicators.openData.download")} CSV
        </a>
        <a className="button button-secondary" href={download("json")} download>
          {t("indicators.openData.download")} JSON
        </a>
      </nav>
      <OpenDataTable data={data} locale={locale} t={t} />
      <section className="prose" aria-labelledby="method-heading">
        <h2 id="method-heading">{t("indicators.openData.method")}</h2>
        <ul>
          <li>{t("indicators.openData.methodThreshold", { n: data.method.threshold })}</li>
          <li>{t("indicators.openData.methodDominance", { percent: data.method.dominance * 100 })}</li>
          <li>{t("indicators.openData.methodSecondary", { n: data.method.threshold })}</li>
          <li>{t("indicators.openData.methodDefinitions")}</li>
        </ul>
      </section>
    </>
  );
}
