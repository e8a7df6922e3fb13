import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import type { TLocale } from "../i18n/config";
import { createTranslator } from "../i18n/translate";
import type { TIndicatorFilters } from "../indicators/scope";
import { listProgressRows } from "./list-progress-rows";
import { progressReportTable } from "./progress-report-columns";
import { CONTENT_TYPES, renderTable, type TReportFormat } from "./render-progress-report";

/**
 * A progress report with the dashboard's filters. Officers only ever get their institution
 * (report.export is institution-scoped for them); the export itself is audited: it holds personal data.
 */
export async function exportProgressReport(
  actor: TActor,
  options: { filters: TIndicatorFilters; format: TReportFormat; locale: TLocale; onProgress?: (percent: number) => Promise<void> },
) {
  const { filters, format, locale } = options;
  const rows = await listProgressRows(actor, filters, "report.export");
  await options.onProgress?.(30);
  const t = createTranslator(locale);
  const { headers, cells } = progressReportTable(rows, locale);
  const body = await renderTable(format, {
    title: t("indicators.report.title"),
    subtitle: `${filters.from} → ${filters.to} · ${t("indicators.report.rows", { count: rows.length })}`,
    headers,
    cells,
  });
  await options.onProgress?.(90);
  await db.auditLog.create({
    data: { actorId: actor.userId, action: "report.exported", entityType: "ProgressReport", entityId: format, institutionId: filters.institutionId ?? actor.institutionId, data: { ...filters, rows: rows.length } },
  });
  return { body, contentType: CONTENT_TYPES[format], filename: `rapport-formation-${filters.from}-${filters.to}.${format}` };
}
