import { getTranslator } from "@/lib/i18n/server";
import { BreadcrumbClient } from "./breadcrumb-client";

/** "Accueil › Catalogue › This course": the way back from a deep page, in the reader's language. */
export async function PageBreadcrumb({
  segments,
  current,
}: {
  segments: { label: string; href: string }[];
  current: string;
}) {
  const { locale, t } = await getTranslator();
  return (
    <BreadcrumbClient
      lang={locale}
      labels={{ show: t("app.breadcrumb.show"), navigation: t("app.breadcrumb.label"), home: t("nav.home") }}
      segments={segments}
      current={current}
    />
  );
}
