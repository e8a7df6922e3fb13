import type { TMessageKey } from "@/lib/i18n/translate";
import { getTranslator } from "@/lib/i18n/server";

/** A short legal page of the footer: a title, an optional lead, then titled paragraphs. */
export async function LegalPage({
  titleKey,
  introKey,
  sections,
}: {
  titleKey: TMessageKey;
  introKey?: TMessageKey;
  sections: readonly (readonly [TMessageKey, TMessageKey])[];
}) {
  const { t } = await getTranslator();
  return (
    <article className="prose">
      <h1>{t(titleKey)}</h1>
      {introKey && <p className="fr-text--lead">{t(introKey)}</p>}
      {sections.map(([title, body]) => (
        <section key={title}>
          <h2 className="fr-h4">{t(title)}</h2>
          <p>{t(body)}</p>
        </section>
      ))}
    </article>
  );
}
