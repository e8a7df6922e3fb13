import "server-only";
import { LATEST_PUBLISHED_VERSION } from "../catalog/course-where";
import { db } from "../db";
import { publicUrl } from "../env";
import { ZCertificateDetails } from "./issue-certificate";
import { candidateCodes } from "./verification-code";

export type TCertificateValidity = "VALID" | "REVOKED" | "UNKNOWN";

export type TCertificateVerification =
  | { status: "UNKNOWN" }
  | {
      status: "VALID" | "REVOKED";
      kind: "ACHIEVEMENT" | "ATTENDANCE";
      holderName: string;
      courseTitle: string;
      issuer: string;
      /** Dates of the training as printed on the certificate (ISO days, or as stored by older versions). */
      dates: string[];
      hours: number;
      issuedAt: Date;
      revokedAt: Date | null;
    };

/**
 * Public check of a verification code: what a third party needs to trust the
 * document — holder, title, issuer, dates, hours, status (valid, or revoked with its date) —
 * and nothing else (no e-mail, no ids). Older codes (12 characters) keep verifying.
 */
export async function lookUpCertificate(code: string): Promise<TCertificateVerification> {
  const candidates = candidateCodes(code);
  if (!candidates) return { status: "UNKNOWN" };
  const certificate = await db.certificate.findFirst({
    where: { verificationCode: { in: candidates } },
    select: {
      kind: true,
      hours: true,
      details: true,
      issuedAt: true,
      revokedAt: true,
      user: { select: { name: true } },
      course: {
        select: {
          institution: { select: { name: true } },
          versions: { ...LATEST_PUBLISHED_VERSION, select: { title: true } },
        },
      },
    },
  });
  if (!certificate) return { status: "UNKNOWN" };
  // Demo certificates written before the details were frozen have none: fall back to the rows.
  const details = ZCertificateDetails.partial().safeParse(certificate.details);
  const frozen = details.success ? details.data : {};
  return {
    status: certificate.revokedAt ? "REVOKED" : "VALID",
    kind: certificate.kind,
    holderName: frozen.agentName ?? certificate.user.name,
    courseTitle: frozen.courseTitle ?? certificate.course.versions[0]?.title ?? "",
    issuer: frozen.institutionName ?? certificate.course.institution.name,
    dates: frozen.dates ?? [certificate.issuedAt.toISOString().slice(0, 10)],
    hours: certificate.hours,
    issuedAt: certificate.issuedAt,
    revokedAt: certificate.revokedAt,
  };
}

/** Only the status: valid, revoked or unknown. */
export async function verifyCertificate(code: string): Promise<TCertificateValidity> {
  return (await lookUpCertificate(code)).status;
}

export function verificationUrl(code: string): string {
  return `${publicUrl()}/verify/${code}`;
}
