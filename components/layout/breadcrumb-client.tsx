"use client";
import { Breadcrumb, addBreadcrumbTranslations } from "@codegouvfr/react-dsfr/Breadcrumb";

type TProps = {
  lang: "fr" | "en";
  labels: { show: string; navigation: string; home: string };
  segments: { label: string; href: string }[];
  current: string;
};

/** The DSFR breadcrumb (folded behind "Voir le fil d'Ariane" on phones), its words from Relais's catalogue. */
export function BreadcrumbClient({ lang, labels, segments, current }: TProps) {
  addBreadcrumbTranslations({
    lang,
    messages: { "show breadcrumb": labels.show, "navigation label": labels.navigation, home: labels.home },
  });
  return (
    <Breadcrumb
      homeLinkProps={{ href: "/" }}
      segments={segments.map((segment) => ({ label: segment.label, linkProps: { href: segment.href } }))}
      currentPageLabel={current}
      className="fr-mt-0 fr-mb-3w"
    />
  );
}
