import { PDFDocument, type PDFFont, type PDFPage } from "pdf-lib";
import type { TLocale } from "../i18n/config";
import { formatDate, formatNumber } from "../i18n/format";
import { localized } from "../i18n/localized";
import { createTranslator, type TMessageKey } from "../i18n/translate";
import { embedUnicodeFonts } from "../pdf/unicode-fonts";
import { wrapText } from "../pdf/wrap-text";
import { formatVerificationCode } from "../certificates/verification-code";
import type { TMyTrainingRecord } from "./get-my-training-record";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const WIDTH = A4[0] - 2 * MARGIN;

/**
 * "My training record" as an A4 PDF of one page or more, in Unicode fonts: every text is wrapped
 * to the page (a long title takes several lines, a verification code is never cut), and a block
 * that does not fit goes to the next page.
 */
export async function renderTrainingRecordPdf(
  record: TMyTrainingRecord,
  locale: TLocale,
  now = new Date(),
): Promise<Uint8Array> {
  const t = createTranslator(locale);
  const pdf = await PDFDocument.create();
  pdf.setTitle(t("indicators.record.title"));
  pdf.setLanguage(locale === "fr" ? "fr-FR" : "en-GB");
  const { regular, bold } = await embedUnicodeFonts(pdf);
  let page: PDFPage = pdf.addPage(A4);
  let y = A4[1] - 50;
  const write = (text: string, options: { size?: number; font?: PDFFont; indent?: number } = {}) => {
    const size = options.size ?? 10;
    const font = options.font ?? regular;
    for (const line of wrapText(font, text, size, WIDTH - (options.indent ?? 0))) {
      if (y < 50) {
        page = pdf.addPage(A4);
        y = A4[1] - 50;
      }
      page.drawText(line, { x: MARGIN + (options.indent ?? 0), y, size, font });
      y -= size * 1.4;
    }
  };
  const hours = (value: number) => `${formatNumber(locale, value, { maximumFractionDigits: 1 })} h`;
  write(t("indicators.record.title"), { size: 18, font: bold });
  if (record.user) write(`${record.user.name} — ${record.user.email} — ${record.user.institution}`);
  write(formatDate(locale, now), { size: 8 });
  y -= 10;
  write(t("indicators.record.byYear"), { size: 13, font: bold });
  if (record.lines.length === 0) write(t("indicators.record.none"));
  for (const line of record.lines)
    write(`${line.year}   ${t(`enums.trainingType.${line.trainingType}` as TMessageKey)}   ${hours(line.hours)}`);
  write(t("indicators.record.totalLine", { hours: hours(record.totalHours) }), { font: bold });
  y -= 10;
  write(t("indicators.record.certificates"), { size: 13, font: bold });
  if (record.certificates.length === 0) write(t("indicators.record.none"));
  for (const certificate of record.certificates) {
    if (y < 90) {
      page = pdf.addPage(A4);
      y = A4[1] - 50;
    }
    write(localized(locale, certificate.title, certificate.titleEn), { font: bold });
    write(
      [
        t(`certificates.kind.${certificate.kind}`),
        `${t("indicators.record.issuedAt")} ${formatDate(locale, certificate.issuedAt)}`,
        hours(certificate.hours),
      ].join(" — "),
      { indent: 12 },
    );
    write(t("indicators.record.codeLine", { code: formatVerificationCode(certificate.code) }), { indent: 12 });
    y -= 6;
  }
  return pdf.save();
}
