import "server-only";
import type { TActor } from "../auth/permissions";
import type { TLocale } from "../i18n/config";
import { BACKGROUND_THRESHOLD, queueIndicatorJob } from "../indicators/indicator-job-store";
import type { TIndicatorFilters } from "../indicators/scope";
import { exportProgressReport } from "./export-progress-report";
import { countProgressRows } from "./list-progress-rows";
import type { TReportFormat } from "./render-progress-report";

/**
 * A progress-report export: the file straight away when it is small, otherwise a background job
 * (XLSX and PDF of tens of thousands of rows take long enough to time out a request). Here the
 * rows are only counted, which checks the actor's right before anything is queued; the job lists
 * them itself and checks the right again.
 * TODO(next): the job still lists and renders all rows in memory; page them (keyset) and stream
 * XLSX/CSV (exceljs WorkbookWriter) for exports of hundreds of thousands of rows.
 */
export async function requestProgressExport(
  actor: TActor,
  options: { filters: TIndicatorFilters; format: TReportFormat; locale: TLocale; threshold?: number },
): Promise<{ file: Awaited<ReturnType<typeof exportProgressReport>> } | { jobId: string }> {
  const count = await countProgressRows(actor, options.filters, "report.export");
  if (count <= (options.threshold ?? BACKGROUND_THRESHOLD)) return { file: await exportProgressReport(actor, options) };
  const job = await queueIndicatorJob(actor, {
    kind: "PROGRESS_EXPORT",
    institutionId: options.filters.institutionId ?? actor.institutionId,
    params: { filters: options.filters, format: options.format, locale: options.locale },
  });
  return { jobId: job.id };
}
