import { pageTitle } from "@/lib/i18n/page-title";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { ProgressReportPage } from "@/components/indicators/progress-report-page";

export const generateMetadata = pageTitle("pageTitles.officerReport");

export default async function OfficerReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePagePermission("indicators.read");
  return <ProgressReportPage actor={actor} searchParams={await searchParams} />;
}
