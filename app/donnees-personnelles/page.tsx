import { pageTitle } from "@/lib/i18n/page-title";
import { LegalPage } from "@/components/layout/legal-page";

export const generateMetadata = pageTitle("pageTitles.personalData");

export default function PersonalDataPage() {
  return (
    <LegalPage
      titleKey="legal.personalData.title"
      introKey="legal.personalData.intro"
      sections={[
        ["legal.personalData.controllerTitle", "legal.personalData.controller"],
        ["legal.personalData.dataTitle", "legal.personalData.data"],
        ["legal.personalData.retentionTitle", "legal.personalData.retention"],
        ["legal.personalData.rightsTitle", "legal.personalData.rights"],
        ["legal.personalData.cookiesTitle", "legal.personalData.cookies"],
      ]}
    />
  );
}
