import { once } from "node:events";
import { PassThrough, type Writable } from "node:stream";
import ExcelJS from "exceljs";
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { TLocale } from "../i18n/config";
import { cellText, type TCell } from "./progress-report-columns";
import { neutralizeCell } from "./neutralize-cell";

export const REPORT_FORMATS = ["csv", "xlsx", "pdf"] as const;
export type TReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<TReportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

/** What comes before the rows: the same in every format, in the reader's language. */
export type TReportHead = { title: string; subtitle: string; headers: string[]; locale: TLocale };

function csvField(locale: TLocale, value: TCell): string {
  // No thousands separator in CSV: spreadsheets would read "1 234,5" as text.
  const text = typeof value === "string" ? neutralizeCell(value) : cellText(locale, value, { isGrouped: false });
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes with backpressure: a slow disk or client holds the producer, not the memory. */
async function write(output: Writable, chunk: string | Uint8Array): Promise<void> {
  if (!output.write(chunk)) await once(output, "drain");
}

/**
 * CSV as spreadsheets of the reader's language open it: UTF-8 with a byte-order mark, semicolons;
 * in French decimal commas and dd/mm/yyyy days.
 */
async function writeCsv(head: TReportHead, pages: AsyncIterable<TCell[][]>, output: Writable): Promise<void> {
  const line = (row: TCell[]) => `${row.map((cell) => csvField(head.locale, cell)).join(";")}\r\n`;
  await write(output, `\uFEFF${line(head.headers)}`);
  for await (const cells of pages) if (cells.length > 0) await write(output, cells.map(line).join(""));
  output.end();
}

/**
 * exceljs's streaming writer: each row is committed (zipped out) as soon as it is added. Days are
 * real date cells and figures real numbers, so that the sheet sorts, filters and sums them.
 */
async function writeXlsx(head: TReportHead, pages: AsyncIterable<TCell[][]>, output: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "Relais";
  const sheet = workbook.addWorksheet(head.title.slice(0, 31));
  sheet.columns = head.headers.map((header) => ({ width: Math.max(12, Math.min(40, header.length + 4)) }));
  const dateFormat = head.locale === "fr" ? "dd/mm/yyyy" : "yyyy-mm-dd";
  sheet.addRow([head.title]).commit();
  sheet.addRow([head.subtitle]).commit();
  const headerRow = sheet.addRow(head.headers);
  headerRow.font = { bold: true };
  headerRow.commit();
  for await (const cells of pages) {
    for (const cellsOfRow of cells) {
      const row = sheet.addRow(cellsOfRow.map((cell) => (typeof cell === "string" ? neutralizeCell(cell) : cell)));
      cellsOfRow.forEach((cell, index) => {
        if (cell instanceof Date) row.getCell(index + 1).numFmt = dateFormat;
        else if (typeof cell === "number") row.getCell(index + 1).numFmt = "0.##";
      });
      row.commit();
    }
  }
  sheet.commit();
  await workbook.commit(); // ends the output stream
}

/** The standard PDF fonts only encode WinAnsi: other characters become "?" rather than failing the export. */
function winAnsi(text: string): string {
  return text.replace(/[^\x20-\x7E\xA0-\xFF€…–—‘’“”œŒ]/g, "?");
}

function fit(text: string, maxChars: number): string {
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

/**
 * A landscape A4 table, paginated, with the title and filters on every page. pdf-lib builds the
 * document in memory: the rows are drawn as they arrive (never all held), the bytes written at the end.
 */
async function writePdf(head: TReportHead, pages: AsyncIterable<TCell[][]>, output: Writable): Promise<void> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(winAnsi(head.title));
  pdf.setProducer("Relais");
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const [width, height] = [842, 595];
  const margin = 30;
  const columnWidth = (width - 2 * margin) / head.headers.length;
  const maxChars = Math.floor(columnWidth / 4.2);
  const rowHeight = 14;
  const rowsPerPage = Math.floor((height - 2 * margin - 60) / rowHeight);
  const draw = (page: PDFPage, text: string, options: { x: number; y: number; size: number; font: PDFFont }) =>
    page.drawText(winAnsi(text), options);
  let page: PDFPage | null = null;
  let rowsOnPage = 0;
  let y = 0;
  const addPage = () => {
    page = pdf.addPage([width, height]);
    draw(page, head.title, { x: margin, y: height - margin - 14, size: 14, font: bold });
    y = height - margin - 54;
    head.headers.forEach((header, column) =>
      draw(page!, fit(header, maxChars), { x: margin + column * columnWidth, y, size: 8, font: bold }),
    );
    page.drawLine({
      start: { x: margin, y: y - 3 },
      end: { x: width - margin, y: y - 3 },
      thickness: 0.5,
      color: rgb(0.3, 0.3, 0.3),
    });
    rowsOnPage = 0;
    return page;
  };
  for await (const cells of pages) {
    for (const row of cells) {
      const current: PDFPage = page && rowsOnPage < rowsPerPage ? page : addPage();
      y -= rowHeight;
      rowsOnPage++;
      row.forEach((cell, column) =>
        draw(current, fit(cellText(head.locale, cell, { isGrouped: true }), maxChars), {
          x: margin + column * columnWidth,
          y,
          size: 7.5,
          font,
        }),
      );
    }
  }
  if (!page) addPage();
  // "page n/N" once N is known.
  const all = pdf.getPages();
  all.forEach((each, index) =>
    draw(each, `${head.subtitle} — ${index + 1}/${all.length}`, { x: margin, y: height - margin - 30, size: 9, font }),
  );
  await write(output, await pdf.save());
  output.end();
}

/** Writes a report to `output` as its rows arrive, page by page, and ends it; cells are neutralized against formula injection. */
export async function writeReport(
  format: TReportFormat,
  head: TReportHead,
  pages: AsyncIterable<TCell[][]>,
  output: Writable,
): Promise<void> {
  if (format === "csv") return writeCsv(head, pages, output);
  if (format === "xlsx") return writeXlsx(head, pages, output);
  return writePdf(head, pages, output);
}

/** What a writer writes, as bytes: a small report, answered within the request. */
export async function collectOutput(write: (output: Writable) => Promise<void>): Promise<Uint8Array> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = once(output, "end");
  await write(output);
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}
