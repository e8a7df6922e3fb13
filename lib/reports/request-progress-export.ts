import "server-only";
import type { TActor } from "../auth/permissions";
import type { TLocale } from "../i18n/config";
import { BACKGROUND_THRESHOLD, queueIndicatorJob } from "../indicators/indicator-job-store";
import type { TIndicatorFilters } from "../indicators/scope";
import { exportProgressReport } from "./export-progress-report";
import { listProgressRows } from "./list-progress-rows";
import type { TReportFormat } from "./render-progress-report";

/**
 * A progress-report export: the file straight away when it is small, otherwise a background job
 * (XLSX and PDF of tens of thousands of rows take long enough to time out a request). The rows
 * are listed here either way, so the actor's right is checked before anything is queued.
 */
export async function requestProgressExport(
  actor: TActor,
  options: { filters: TIndicatorFilters; format: TReportFormat; locale: TLocale; threshold?: number },
): Promise<{ file: Awaited<ReturnType<typeof exportProgressReport>> } | { jobId: string }> {
  const rows = await listProgressRows(actor, options.filters, "report.export");
  if (rows.length <= (options.threshold ?? BACKGROUND_THRESHOLD)) return { file: await exportProgressReport(actor, { ...options, rows }) };
  const job = await queueIndicatorJob(actor, {
    kind: "PROGRESS_EXPORT",
    institutionId: options.filters.institutionId ?? actor.institutionId,
    params: { filters: options.filters, format: options.format, locale: options.locale },
  });
  return { jobId: job.id };
}
