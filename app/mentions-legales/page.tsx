import { pageTitle } from "@/lib/i18n/page-title";
import { LegalPage } from "@/components/layout/legal-page";

export const generateMetadata = pageTitle("pageTitles.legalTerms");

export default function LegalNoticePage() {
  return (
    <LegalPage
      titleKey="legal.terms.title"
      sections={[
        ["legal.terms.publisherTitle", "legal.terms.publisher"],
        ["legal.terms.hostingTitle", "legal.terms.hosting"],
        ["legal.terms.softwareTitle", "legal.terms.software"],
        ["legal.terms.contactTitle", "legal.terms.contact"],
      ]}
    />
  );
}
