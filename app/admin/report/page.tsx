import { pageTitle } from "@/lib/i18n/page-title";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { ProgressReportPage } from "@/components/indicators/progress-report-page";

export const generateMetadata = pageTitle("pageTitles.adminReport");

export default async function AdminReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePagePermission("indicators.national");
  return <ProgressReportPage actor={actor} searchParams={await searchParams} />;
}
