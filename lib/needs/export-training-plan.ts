import "server-only";
import ExcelJS from "exceljs";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { TActor } from "../auth/permissions";
import type { TLocale } from "../i18n/config";
import { formatNumber, formatPercent } from "../i18n/format";
import { createTranslator } from "../i18n/translate";
import { embedUnicodeFonts } from "../pdf/unicode-fonts";
import { wrapText } from "../pdf/wrap-text";
import { neutralizeCell } from "../reports/neutralize-cell";
import { getTrainingPlan, type TTrainingPlan } from "./get-training-plan";
import { needsError } from "./needs-error";

export const PLAN_EXPORT_FORMATS = ["xlsx", "pdf"] as const;
export type TPlanExportFormat = (typeof PLAN_EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<TPlanExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

type TCell = string | number;

/** The plan as one table, in the reader's language: one line per action, and per group with nothing planned yet. */
function planTable(plan: TTrainingPlan, locale: TLocale) {
  const t = createTranslator(locale);
  const euros = (cents: number) => cents / 100;
  const headers = [
    t("needs.plan.columns.theme"),
    t("needs.plan.columns.type"),
    t("needs.plan.columns.retained"),
    t("needs.plan.columns.action"),
    t("needs.plan.columns.kind"),
    t("needs.plan.columns.planned"),
    t("needs.plan.columns.trained"),
    t("needs.plan.columns.status"),
    t("needs.plan.columns.teaching"),
    t("needs.plan.columns.venue"),
    t("needs.plan.columns.mission"),
    t("needs.plan.columns.budget"),
  ];
  const rows: TCell[][] = [];
  for (const group of plan.groups) {
    const head = [group.theme[locale], t(`enums.trainingType.${group.trainingType}`), group.retainedNeeds];
    if (group.actions.length === 0)
      rows.push([...head, t("needs.plan.nothingPlanned"), "", "", "", "", "", "", "", ""]);
    for (const action of group.actions)
      rows.push([
        ...head,
        action.title,
        t(`enums.planActionKind.${action.kind}`),
        action.plannedAgents,
        action.trainedAgents,
        t(`enums.planActionStatus.${action.status}`),
        euros(action.budgetCents.teaching),
        euros(action.budgetCents.venue),
        euros(action.budgetCents.mission),
        euros(action.budgetCents.total),
      ]);
  }
  const totals = plan.totals;
  const summary = totals
    ? [
        t("needs.plan.summary.needs", { retained: totals.retainedNeeds, unplanned: totals.unplannedNeeds }),
        t("needs.plan.summary.agents", { planned: totals.plannedAgents, trained: totals.trainedAgents }),
        t("needs.plan.summary.budget", {
          amount: formatNumber(locale, totals.budgetCents / 100, { style: "currency", currency: "EUR" }),
        }),
        t("needs.plan.summary.status", totals.byStatus),
        t("needs.plan.summary.rate", {
          rate: totals.realisationRate === null ? "—" : formatPercent(locale, totals.realisationRate),
        }),
      ]
    : [];
  const title = t("needs.plan.documentTitle", { year: plan.campaign?.year ?? "", institution: plan.institution.name });
  return { title, headers, rows, summary };
}

async function renderXlsx(table: ReturnType<typeof planTable>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Relais";
  const sheet = workbook.addWorksheet(table.title.replace(/[\\/?*[\]:]/g, " ").slice(0, 31));
  sheet.addRow([neutralizeCell(table.title)]).font = { bold: true, size: 14 };
  for (const line of table.summary) sheet.addRow([line]);
  sheet.addRow([]);
  sheet.addRow(table.headers).font = { bold: true };
  for (const cells of table.rows) {
    const row = sheet.addRow(cells.map((cell) => (typeof cell === "string" ? neutralizeCell(cell) : cell)));
    // Budgets are real numbers in euros, so that the committee's sheet sums them.
    for (const column of [9, 10, 11, 12])
      if (typeof cells[column - 1] === "number") row.getCell(column).numFmt = "#,##0.00 €";
  }
  sheet.columns.forEach(
    (column, index) => (column.width = [24, 22, 10, 36, 20, 10, 10, 16, 12, 12, 12, 12][index] ?? 12),
  );
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A landscape A4 table, with the title and column headers on every page; Unicode fonts embedded; cells wrap. */
async function renderPdf(table: ReturnType<typeof planTable>, locale: TLocale): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(table.title);
  pdf.setProducer("Relais");
  pdf.setLanguage(locale === "fr" ? "fr-FR" : "en-GB");
  const { regular, bold } = await embedUnicodeFonts(pdf);
  const [width, height, margin] = [842, 595, 30];
  const [size, lineHeight] = [7.5, 9];
  const weights = [1.5, 1.4, 0.7, 2.2, 1.3, 0.7, 0.7, 1.3, 0.9, 0.9, 0.9, 0.9];
  const unit = (width - 2 * margin) / weights.reduce((sum, weight) => sum + weight, 0);
  const columnX: number[] = [];
  weights.reduce((x, weight) => (columnX.push(x), x + weight * unit), margin);
  const cellText = (cell: TCell, column: number) =>
    typeof cell === "number"
      ? formatNumber(locale, cell, column >= 8 ? { minimumFractionDigits: 2, maximumFractionDigits: 2 } : {})
      : cell;
  const wrapRow = (cells: TCell[], font: PDFFont) =>
    cells.map((cell, column) => wrapText(font, cellText(cell, column), size, weights[column]! * unit - 4));
  let page: PDFPage | null = null;
  let y = 0;
  const drawRow = (target: PDFPage, lines: string[][], font: PDFFont) => {
    lines.forEach((cellLines, column) =>
      cellLines.forEach((line, index) =>
        target.drawText(line, { x: columnX[column]!, y: y - index * lineHeight, size, font }),
      ),
    );
    y -= Math.max(1, ...lines.map((cellLines) => cellLines.length)) * lineHeight + 3;
  };
  const addPage = () => {
    const added = pdf.addPage([width, height]);
    const titleLines = wrapText(bold, table.title, 14, width - 2 * margin);
    y = height - margin - 14;
    for (const line of titleLines) {
      added.drawText(line, { x: margin, y, size: 14, font: bold });
      y -= 17;
    }
    if (pdf.getPageCount() === 1)
      for (const line of table.summary) {
        added.drawText(line, { x: margin, y, size: 9, font: regular });
        y -= 12;
      }
    y -= 8;
    drawRow(added, wrapRow(table.headers, bold), bold);
    added.drawLine({
      start: { x: margin, y: y + lineHeight - 2 },
      end: { x: width - margin, y: y + lineHeight - 2 },
      thickness: 0.5,
      color: rgb(0.3, 0.3, 0.3),
    });
    page = added;
    return added;
  };
  addPage();
  for (const cells of table.rows) {
    const lines = wrapRow(cells, regular);
    const rowHeight = Math.max(1, ...lines.map((cellLines) => cellLines.length)) * lineHeight;
    const current: PDFPage = page && y - rowHeight > margin + 12 ? page : addPage();
    drawRow(current, lines, regular);
  }
  const pages = pdf.getPages();
  pages.forEach((each, index) =>
    each.drawText(`${index + 1}/${pages.length}`, { x: width - margin - 20, y: margin / 2, size: 8, font: regular }),
  );
  return pdf.save();
}

/** The institution's training plan of a year as a file for its committees (XLSX or PDF), in the reader's language. */
export async function exportTrainingPlan(
  actor: TActor,
  options: { institutionId: string; year?: number; format: TPlanExportFormat; locale: TLocale },
) {
  const plan = await getTrainingPlan(actor, { institutionId: options.institutionId, year: options.year });
  if (!plan.campaign) throw needsError("NOT_FOUND", "needs.plan.noCampaign");
  const table = planTable(plan, options.locale);
  const body = options.format === "xlsx" ? await renderXlsx(table) : await renderPdf(table, options.locale);
  const filename = `${createTranslator(options.locale)("needs.plan.filename")}-${plan.campaign.year}.${options.format}`;
  return { body, contentType: CONTENT_TYPES[options.format], filename };
}
