import ExcelJS from "exceljs";
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";
import type { TCell } from "./progress-report-columns";
import { neutralizeCell } from "./neutralize-cell";

export const REPORT_FORMATS = ["csv", "xlsx", "pdf"] as const;
export type TReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<TReportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

type TTable = { title: string; subtitle: string; headers: string[]; cells: TCell[][] };

function csvField(value: TCell): string {
  if (value === null) return "";
  const text = typeof value === "number" ? String(value).replace(".", ",") : neutralizeCell(value);
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV as French spreadsheets open it: UTF-8 with a byte-order mark, semicolons, decimal commas. */
export function renderCsv(table: TTable): Uint8Array {
  const lines = [table.headers, ...table.cells].map((row) => row.map(csvField).join(";"));
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
}

export async function renderXlsx(table: TTable): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Relais";
  const sheet = workbook.addWorksheet(table.title.slice(0, 31));
  sheet.addRow([table.title]);
  sheet.addRow([table.subtitle]);
  sheet.addRow(table.headers).font = { bold: true };
  for (const row of table.cells) sheet.addRow(row.map((cell) => (typeof cell === "string" ? neutralizeCell(cell) : cell)));
  sheet.columns.forEach((column) => (column.width = 20));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The standard PDF fonts only encode WinAnsi: other characters become "?" rather than failing the export. */
function winAnsi(text: string): string {
  return text.replace(/[^\x20-\x7E\xA0-\xFF€…–—‘’“”œŒ]/g, "?");
}

function fit(text: string, maxChars: number): string {
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

/** A landscape A4 table, paginated, with the title and filters on every page. */
export async function renderPdf(table: TTable): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(winAnsi(table.title));
  pdf.setProducer("Relais");
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const [width, height] = [842, 595];
  const margin = 30;
  const columnWidth = (width - 2 * margin) / table.headers.length;
  const maxChars = Math.floor(columnWidth / 4.2);
  const rowHeight = 14;
  const rowsPerPage = Math.floor((height - 2 * margin - 60) / rowHeight);
  const pages = Math.max(1, Math.ceil(table.cells.length / rowsPerPage));
  for (let index = 0; index < pages; index++) {
    const page = pdf.addPage([width, height]);
    page.drawText(winAnsi(table.title), { x: margin, y: height - margin - 14, size: 14, font: bold });
    page.drawText(winAnsi(`${table.subtitle} — ${index + 1}/${pages}`), { x: margin, y: height - margin - 30, size: 9, font });
    let y = height - margin - 54;
    table.headers.forEach((header, column) => page.drawText(winAnsi(fit(header, maxChars)), { x: margin + column * columnWidth, y, size: 8, font: bold }));
    page.drawLine({ start: { x: margin, y: y - 3 }, end: { x: width - margin, y: y - 3 }, thickness: 0.5, color: rgb(0.3, 0.3, 0.3) });
    for (const row of table.cells.slice(index * rowsPerPage, (index + 1) * rowsPerPage)) {
      y -= rowHeight;
      row.forEach((cell, column) => {
        const text = cell === null ? "" : String(cell);
        page.drawText(winAnsi(fit(text, maxChars)), { x: margin + column * columnWidth, y, size: 7.5, font });
      });
    }
  }
  return pdf.save();
}

export async function renderTable(format: TReportFormat, table: TTable): Promise<Uint8Array> {
  if (format === "csv") return renderCsv(table);
  if (format === "xlsx") return renderXlsx(table);
  return renderPdf(table);
}
