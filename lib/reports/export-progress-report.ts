import "server-only";
import type { Writable } from "node:stream";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import type { TLocale } from "../i18n/config";
import { createTranslator } from "../i18n/translate";
import { formatDay } from "../i18n/format";
import { describeGroupFilter } from "../indicators/group-label";
import { loadGroupLabels } from "../indicators/load-group-labels";
import type { TIndicatorFilters } from "../indicators/scope";
import { countProgressRows, pageProgressRows } from "./list-progress-rows";
import { progressReportTable, type TCell } from "./progress-report-columns";
import { collectOutput, CONTENT_TYPES, writeReport, type TReportFormat } from "./render-progress-report";
import { localizedAppError } from "../errors/localized-error";

type TExportOptions = { filters: TIndicatorFilters; format: TReportFormat; locale: TLocale };

/**
 * pdf-lib holds the whole document in memory (about 15 kB a row, measured: 30,000 rows took
 * 440 MB) and the jobs run in the web server's process: a PDF is for reading and printing, so
 * larger reports are CSV or XLSX, which stream.
 */
export const MAX_PDF_ROWS = 10_000;

export function assertPdfSize(format: TReportFormat, rows: number, maxPdfRows = MAX_PDF_ROWS): void {
  if (format === "pdf" && rows > maxPdfRows) {
    throw localizedAppError(
      "INVALID",
      `format: a PDF report holds at most ${maxPdfRows.toLocaleString("en")} rows; narrow the filters or export CSV or XLSX`,
      { messageKey: "errors.reports.pdfTooLong", values: { max: maxPdfRows } },
    );
  }
}

/**
 * Writes a progress report with the dashboard's filters to `output`, page of agents by page of
 * agents (constant memory: the background job's path for exports of any size). Officers only ever
 * get their institution (report.export is institution-scoped for them: the count below checks it
 * before anything is written); the export is audited: it holds personal data.
 */
export async function writeProgressReport(
  actor: TActor,
  options: TExportOptions & {
    output: Writable;
    onProgress?: (percent: number) => Promise<void>;
    agentsPerPage?: number;
    maxPdfRows?: number;
  },
): Promise<{ rows: number; contentType: string; filename: string }> {
  const { filters, format, locale } = options;
  const total = await countProgressRows(actor, { filters, action: "report.export" });
  assertPdfSize(format, total, options.maxPdfRows); // again here: the rows may have grown since the request
  const t = createTranslator(locale);
  let written = 0;
  async function* cells(): AsyncGenerator<TCell[][]> {
    for await (const page of pageProgressRows(actor, {
      filters,
      action: "report.export",
      agentsPerPage: options.agentsPerPage,
    })) {
      yield progressReportTable(page, locale).cells;
      written += page.length;
      await options.onProgress?.(total === 0 ? 100 : (100 * written) / total);
    }
  }
  const head = {
    title: t("indicators.report.title"),
    subtitle: [
      t("indicators.report.subtitle", {
        from: formatDay(locale, filters.from),
        to: formatDay(locale, filters.to),
        count: total,
      }),
      describeGroupFilter({ filters, labels: await loadGroupLabels(), locale, t }),
    ]
      .filter(Boolean)
      .join(" · "),
    headers: progressReportTable([], locale).headers,
    locale,
  };
  await writeReport(format, head, cells(), options.output);
  await db.auditLog.create({
    data: {
      actorId: actor.userId,
      action: "report.exported",
      entityType: "ProgressReport",
      entityId: format,
      institutionId: filters.institutionId ?? actor.institutionId,
      data: { ...filters, rows: written },
    },
  });
  return {
    rows: written,
    contentType: CONTENT_TYPES[format],
    filename: `rapport-formation-${filters.from}-${filters.to}.${format}`,
  };
}

/** A small progress report as bytes, answered within the request (see requestProgressExport). */
export async function exportProgressReport(actor: TActor, options: TExportOptions) {
  let file: Awaited<ReturnType<typeof writeProgressReport>> | undefined;
  const body = await collectOutput(async (output) => {
    file = await writeProgressReport(actor, { ...options, output });
  });
  return { body, contentType: file!.contentType, filename: file!.filename };
}
