import "server-only";
import type { TActor } from "../auth/permissions";
import type { TLocale } from "../i18n/config";
import { BACKGROUND_THRESHOLD, queueIndicatorJob } from "../job-queue/indicator-job-store";
import type { TIndicatorFilters } from "../indicators/scope";
import { assertPdfSize, exportProgressReport, MAX_PDF_ROWS } from "./export-progress-report";
import { countProgressRows } from "./list-progress-rows";
import type { TReportFormat } from "./render-progress-report";

/**
 * A progress-report export: the file straight away when it is small, otherwise a background job
 * (XLSX and PDF of tens of thousands of rows take long enough to time out a request). Here the
 * rows are only counted, up to the threshold plus one (a LIMIT probe, however large the
 * institution), which also checks the actor's right before anything is queued; the job lists
 * them itself, in pages, and checks the right again (lib/indicators/run-indicator-job.ts).
 * A PDF above MAX_PDF_ROWS is refused here (INVALID), before anything is queued.
 */
export async function requestProgressExport(
  actor: TActor,
  options: {
    filters: TIndicatorFilters;
    format: TReportFormat;
    locale: TLocale;
    threshold?: number;
    maxPdfRows?: number;
  },
): Promise<{ file: Awaited<ReturnType<typeof exportProgressReport>> } | { jobId: string }> {
  const threshold = options.threshold ?? BACKGROUND_THRESHOLD;
  const maxPdfRows = options.maxPdfRows ?? MAX_PDF_ROWS;
  const count = await countProgressRows(actor, options.filters, "report.export", {
    atMost: Math.max(threshold, options.format === "pdf" ? maxPdfRows : 0) + 1,
  });
  assertPdfSize(options.format, count, maxPdfRows);
  if (count <= threshold) return { file: await exportProgressReport(actor, options) };
  const job = await queueIndicatorJob(actor, {
    kind: "PROGRESS_EXPORT",
    institutionId: options.filters.institutionId ?? actor.institutionId,
    params: { filters: options.filters, format: options.format, locale: options.locale },
  });
  return { jobId: job.id };
}
