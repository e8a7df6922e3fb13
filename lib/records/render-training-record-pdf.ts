import { PDFDocument, StandardFonts } from "pdf-lib";
import type { TLocale } from "../i18n/config";
import { createTranslator, type TMessageKey } from "../i18n/translate";
import type { TMyTrainingRecord } from "./get-my-training-record";

const winAnsi = (text: string) => text.replace(/[^\x20-\x7E\xA0-\xFF€…–—‘’“”œŒ]/g, "?");

/** "My training record" as a one-or-more-page A4 PDF. */
export async function renderTrainingRecordPdf(
  record: TMyTrainingRecord,
  locale: TLocale,
  now = new Date(),
): Promise<Uint8Array> {
  const t = createTranslator(locale);
  const pdf = await PDFDocument.create();
  pdf.setTitle(winAnsi(t("indicators.record.title")));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page = pdf.addPage([595, 842]);
  let y = 800;
  const write = (text: string, options: { size?: number; isBold?: boolean; x?: number } = {}) => {
    if (y < 50) {
      page = pdf.addPage([595, 842]);
      y = 800;
    }
    page.drawText(winAnsi(text).slice(0, 110), {
      x: options.x ?? 50,
      y,
      size: options.size ?? 10,
      font: options.isBold ? bold : font,
    });
    y -= (options.size ?? 10) + 6;
  };
  write(t("indicators.record.title"), { size: 18, isBold: true });
  if (record.user) write(`${record.user.name} — ${record.user.email} — ${record.user.institution}`);
  write(now.toISOString().slice(0, 10), { size: 8 });
  y -= 10;
  write(t("indicators.record.byYear"), { size: 13, isBold: true });
  if (record.lines.length === 0) write(t("indicators.record.none"));
  for (const line of record.lines)
    write(`${line.year}   ${t(`enums.trainingType.${line.trainingType}` as TMessageKey)}   ${line.hours.toFixed(1)} h`);
  write(`${t("indicators.total")} : ${record.totalHours.toFixed(1)} h`, { isBold: true });
  y -= 10;
  write(t("indicators.record.certificates"), { size: 13, isBold: true });
  for (const certificate of record.certificates) {
    write(
      `${certificate.issuedAt.toISOString().slice(0, 10)}   ${certificate.title}   ${certificate.hours} h   ${t("indicators.record.code")} ${certificate.code}`,
    );
  }
  return pdf.save();
}
