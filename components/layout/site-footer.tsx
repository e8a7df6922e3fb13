"use client";
import { Footer, addFooterTranslations } from "@codegouvfr/react-dsfr/Footer";
import { brandTopLines } from "./site-header";

type TProps = {
  lang: "fr" | "en";
  labels: {
    brandTop: string;
    homeTitle: string;
    description: string;
    license: string;
    accessibility: string;
    partiallyCompliant: string;
    terms: string;
    personalData: string;
  };
};

/**
 * The state design system's footer with Relais's legal pages: the accessibility statement (RGAA
 * compliance level), the legal notice and the personal-data page. No external links: Relais is
 * run by the institutions' agency, not a ministry, so the DSFR's gouv.fr links are left out.
 */
export function SiteFooter({ lang, labels }: TProps) {
  // The DSFR's own words, replaced by Relais's catalogue (content/messages) in both languages.
  addFooterTranslations({
    lang,
    messages: {
      accessibility: labels.accessibility,
      "partially compliant": labels.partiallyCompliant,
      terms: labels.terms,
    },
  });
  return (
    <Footer
      brandTop={brandTopLines(labels.brandTop)}
      homeLinkProps={{ href: "/", title: labels.homeTitle }}
      accessibility="partially compliant"
      accessibilityLinkProps={{ href: "/accessibilite" }}
      termsLinkProps={{ href: "/mentions-legales" }}
      contentDescription={labels.description}
      license={labels.license}
      domains={[]}
      bottomItems={[{ text: labels.personalData, linkProps: { href: "/donnees-personnelles" } }]}
    />
  );
}
