import { PDFDocument, StandardFonts, rgb } from "pdf-lib";
import type { TCertificateDetails } from "./issue-certificate";
import { pdfSafe, wrapText } from "./pdf-text";

const LABELS = {
  fr: {
    title: "Attestation de formation",
    certifies: "Il est attesté que",
    followed: "a suivi la formation",
    objectives: "Objectifs",
    nature: "Nature de l'action",
    duration: "Durée prévue",
    dates: "Dates",
    attended: "Heures suivies",
    evaluation: "Résultat de l'évaluation",
    institution: "Établissement",
    site: "Lieu",
    code: "Code de vérification",
    verify: "Vérifier sur",
    modality: { ONLINE: "en ligne", IN_PERSON: "en présentiel", HYBRID: "hybride" },
  },
  en: {
    title: "Training certificate",
    certifies: "This certifies that",
    followed: "attended the training",
    objectives: "Objectives",
    nature: "Nature of the training",
    duration: "Planned duration",
    dates: "Dates",
    attended: "Hours attended",
    evaluation: "Evaluation result",
    institution: "Institution",
    site: "Place",
    code: "Verification code",
    verify: "Verify at",
    modality: { ONLINE: "online", IN_PERSON: "in person", HYBRID: "hybrid" },
  },
} as const;

function hours(value: number): string {
  return `${Math.round(value * 10) / 10} h`;
}

/** The attestation de formation as PDF (Code du travail L6353-1): built from the frozen details. */
export async function buildCertificatePdf(options: {
  details: TCertificateDetails;
  verificationCode: string;
  verificationUrl: string;
  issuedAt: Date;
  locale: "fr" | "en";
}): Promise<Uint8Array> {
  const { details } = options;
  const labels = LABELS[options.locale];
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${labels.title} — ${details.courseTitle}`);
  pdf.setLanguage(options.locale === "fr" ? "fr-FR" : "en-GB");
  const page = pdf.addPage([595.28, 841.89]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const blue = rgb(0, 0, 0.57);
  let y = 780;
  const write = (text: string, options: { size?: number; isBold?: boolean; indent?: number } = {}) => {
    const font = options.isBold ? bold : regular;
    const size = options.size ?? 11;
    for (const line of wrapText(font, text, size, 495 - (options.indent ?? 0))) {
      page.drawText(line, { x: 50 + (options.indent ?? 0), y, size, font });
      y -= size + 5;
    }
  };
  page.drawText(pdfSafe(bold, labels.title), { x: 50, y, size: 24, font: bold, color: blue });
  y -= 44;
  write(labels.certifies);
  write(details.agentName, { size: 16, isBold: true });
  write(labels.followed);
  write(details.courseTitle, { size: 16, isBold: true });
  y -= 10;
  const rows: [string, string][] = [
    [labels.nature, `${details.trainingType} — ${labels.modality[details.modality]}`],
    [labels.duration, hours(details.declaredDurationMinutes / 60)],
    [labels.dates, details.dates.join(", ")],
  ];
  if (details.attendedHours !== null) rows.push([labels.attended, hours(details.attendedHours)]);
  if (details.evaluationResult !== null) rows.push([labels.evaluation, details.evaluationResult]);
  rows.push([labels.institution, details.institutionName]);
  if (details.siteName) rows.push([labels.site, details.siteName]);
  for (const [label, value] of rows) {
    write(label, { isBold: true });
    write(value, { indent: 12 });
    y -= 4;
  }
  write(labels.objectives, { isBold: true });
  write(details.objectives || "—", { indent: 12 });
  y = Math.min(y, 140);
  page.drawLine({ start: { x: 50, y: 120 }, end: { x: 545, y: 120 }, thickness: 0.5, color: blue });
  page.drawText(pdfSafe(bold, `${labels.code} : ${options.verificationCode}`), { x: 50, y: 100, size: 12, font: bold });
  page.drawText(pdfSafe(regular, `${labels.verify} ${options.verificationUrl}`), {
    x: 50,
    y: 82,
    size: 10,
    font: regular,
  });
  page.drawText(pdfSafe(regular, options.issuedAt.toISOString().slice(0, 10)), {
    x: 50,
    y: 64,
    size: 10,
    font: regular,
  });
  return pdf.save();
}
