import Link from "next/link";
import type { TTranslate } from "@/lib/i18n/translate";
import type { TWaitingItem } from "@/lib/home/list-waiting-items";

/** The top of a role's home: what waits for the reader, each line leading to where it is done. */
export function WaitingForYou({ t, items }: { t: TTranslate; items: TWaitingItem[] }) {
  if (items.length === 0) return null;
  return (
    <section className="fr-callout fr-mb-4w" aria-labelledby="waiting-title">
      <h2 id="waiting-title" className="fr-callout__title fr-h5">
        {t("home.waiting.title")}
      </h2>
      <ul className="fr-callout__text fr-text--md">
        {items.map((item) => (
          <li key={item.kind}>
            <Link href={item.href} className={item.count > 0 ? "fr-link fr-text--bold" : "fr-link"}>
              {t(`home.waiting.${item.kind}`, { count: item.count })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
