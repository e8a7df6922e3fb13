import { pageTitle } from "@/lib/i18n/page-title";
import { getTranslator } from "@/lib/i18n/server";

export const generateMetadata = pageTitle("pageTitles.accessibilite");

export default async function AccessibilityStatementPage() {
  const { t } = await getTranslator();
  const sections = [
    ["a11y.statusTitle", "a11y.status"],
    ["a11y.gapsTitle", "a11y.gaps"],
    ["a11y.contactTitle", "a11y.contact"],
    ["a11y.remedyTitle", "a11y.remedy"],
    ["a11y.dateTitle", "a11y.date"],
  ] as const;
  return (
    <article className="prose">
      <h1>{t("a11y.title")}</h1>
      <p className="lead">{t("a11y.intro")}</p>
      {sections.map(([title, body]) => (
        <section key={title}>
          <h2>{t(title)}</h2>
          <p>{t(body)}</p>
        </section>
      ))}
    </article>
  );
}
