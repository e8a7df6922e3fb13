import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { TLocale } from "../i18n/config";
import { formatDate } from "../i18n/format";
import { createTranslator, type TMessageKey } from "../i18n/translate";
import type { TCertificateDetails } from "./issue-certificate";
import { embedUnicodeFonts } from "../pdf/unicode-fonts";
import { wrapText } from "../pdf/wrap-text";
import { formatVerificationCode } from "./verification-code";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const WIDTH = A4[0] - 2 * MARGIN;
const BOTTOM = 60;
const BLUE = rgb(0, 0, 0.57);

function hoursText(locale: TLocale, value: number): string {
  return new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 2 }).format(value);
}

/** "2026-03-09" (issued details) → a date in the holder's language; other stored forms are printed as they are. */
function dateText(locale: TLocale, value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(locale, new Date(`${value}T12:00:00Z`)) : value;
}

/**
 * The certificate as PDF (attestation de formation, Code du travail L6353-1), built from the
 * details frozen at issue time, in the holder's language: holder's full name, title, objectives,
 * nature (training type and modality in words), declared duration, dates, attended hours, the
 * evaluation's result only where one was planned, issuer, verification code and URL. Unicode
 * fonts are embedded; every text is wrapped (a long title or code goes to the next line, and to
 * the next page if need be), never cut.
 */
export async function buildCertificatePdf(options: {
  kind: "ACHIEVEMENT" | "ATTENDANCE";
  details: TCertificateDetails;
  verificationCode: string;
  verificationUrl: string;
  issuedAt: Date;
  locale: TLocale;
}): Promise<Uint8Array> {
  const { details, locale } = options;
  const t = createTranslator(locale);
  const title = t(
    options.kind === "ATTENDANCE" ? "certificates.pdf.attendanceTitle" : "certificates.pdf.achievementTitle",
  );
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${title} — ${details.courseTitle}`);
  pdf.setLanguage(locale === "fr" ? "fr-FR" : "en-GB");
  pdf.setCreator("Relais");
  const { regular, bold } = await embedUnicodeFonts(pdf);
  let page: PDFPage = pdf.addPage(A4);
  let y = A4[1] - 60;
  const write = (
    text: string,
    style: { size?: number; font?: PDFFont; indent?: number; color?: ReturnType<typeof rgb> } = {},
  ) => {
    const font = style.font ?? regular;
    const size = style.size ?? 11;
    const indent = style.indent ?? 0;
    // A larger line needs room above it, or its accents touch the line before.
    if (size > 11) y -= size * 0.3;
    for (const line of wrapText(font, text, size, WIDTH - indent)) {
      if (y < BOTTOM + size) {
        page = pdf.addPage(A4);
        y = A4[1] - 60;
      }
      page.drawText(line, { x: MARGIN + indent, y, size, font, color: style.color });
      y -= size * 1.35;
    }
  };
  write(title, { size: 24, font: bold, color: BLUE });
  y -= 16;
  write(t("certificates.pdf.certifies"));
  write(details.agentName, { size: 16, font: bold });
  write(
    t(options.kind === "ATTENDANCE" ? "certificates.pdf.followedAttendance" : "certificates.pdf.followedAchievement"),
  );
  write(details.courseTitle, { size: 16, font: bold });
  y -= 10;
  const typeWords = t(`enums.trainingType.${details.trainingType}` as TMessageKey);
  const rows: [string, string][] = [
    [
      t("certificates.pdf.nature"),
      t("certificates.pdf.natureValue", {
        type: typeWords,
        modality: t(`certificates.modalityWords.${details.modality}`),
      }),
    ],
    [
      t("certificates.pdf.duration"),
      t("certificates.pdf.hours", { hours: hoursText(locale, details.declaredDurationMinutes / 60) }),
    ],
    [t("certificates.pdf.dates"), details.dates.map((date) => dateText(locale, date)).join(", ") || "—"],
  ];
  if (details.attendedHours !== null)
    rows.push([
      t("certificates.pdf.attended"),
      t("certificates.pdf.hours", { hours: hoursText(locale, details.attendedHours) }),
    ]);
  if (details.evaluationResult !== null) rows.push([t("certificates.pdf.evaluation"), details.evaluationResult]);
  rows.push([t("certificates.pdf.institution"), details.institutionName]);
  if (details.siteName) rows.push([t("certificates.pdf.site"), details.siteName]);
  rows.push([t("certificates.pdf.objectives"), details.objectives.trim() || "—"]);
  for (const [label, value] of rows) {
    write(label, { font: bold });
    write(value, { indent: 12 });
    y -= 4;
  }
  // The verification block: on the same page when it fits, else on the next one; never cut.
  const code = formatVerificationCode(options.verificationCode);
  if (y < BOTTOM + 90) {
    page = pdf.addPage(A4);
    y = A4[1] - 60;
  } else y = Math.min(y - 10, 150);
  page.drawLine({
    start: { x: MARGIN, y: y + 14 },
    end: { x: A4[0] - MARGIN, y: y + 14 },
    thickness: 0.5,
    color: BLUE,
  });
  write(t("certificates.pdf.codeLine", { code }), { size: 12, font: bold });
  write(`${t("certificates.pdf.verify")} ${options.verificationUrl}`, { size: 10 });
  write(t("certificates.pdf.issuedOn", { date: formatDate(locale, options.issuedAt) }), { size: 10 });
  return pdf.save();
}
