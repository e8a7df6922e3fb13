import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { ProgressReportPage } from "@/components/indicators/progress-report-page";

export const metadata: Metadata = { title: "Rapport de suivi" };

export default async function OfficerReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePagePermission("indicators.read");
  return <ProgressReportPage actor={actor} searchParams={await searchParams} />;
}
