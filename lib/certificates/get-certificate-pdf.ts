import "server-only";
import { z } from "zod";
import { db } from "../db";
import { can, type TActor } from "../auth/permissions";
import { AppError } from "../errors/app-error";
import { formatDate } from "../i18n/format";
import { buildCertificatePdf } from "./build-certificate-pdf";
import { ZCertificateDetails } from "./issue-certificate";
import { verificationUrl } from "./verify-certificate";

export const ZCertificatePdfInput = z.object({ certificateId: z.string().min(1).max(40) });

/**
 * The PDF of an issued certificate, in its holder's language, for the holder (or the staff who may
 * read the holder's record, or the coordinator of the session's site). A revoked certificate is
 * not delivered again (refused, nothing changes): its basis was withdrawn.
 */
export async function getCertificatePdf(actor: TActor, input: z.input<typeof ZCertificatePdfInput>) {
  const parsed = ZCertificatePdfInput.safeParse(input);
  const certificate = parsed.success
    ? await db.certificate.findUnique({
        where: { id: parsed.data.certificateId },
        select: {
          id: true,
          kind: true,
          userId: true,
          verificationCode: true,
          hours: true,
          details: true,
          issuedAt: true,
          revokedAt: true,
          user: { select: { institutionId: true, locale: true } },
          session: { select: { siteId: true, course: { select: { institutionId: true } } } },
        },
      })
    : null;
  const isAllowed =
    certificate &&
    (certificate.userId === actor.userId ||
      can(actor, "record.read", { userId: certificate.userId, institutionId: certificate.user.institutionId }) ||
      (certificate.session &&
        can(actor, "registration.manage", {
          relaySiteId: certificate.session.siteId,
          institutionId: certificate.session.course.institutionId,
        })));
  if (!certificate || !isAllowed)
    throw new AppError("NOT_FOUND", "This certificate does not exist.", {
      messageKey: "certificates.errors.notFound",
      values: {},
    });
  const locale = certificate.user.locale === "en" ? "en" : "fr";
  if (certificate.revokedAt)
    throw new AppError("CONFLICT", "This certificate was revoked.", {
      messageKey: "certificates.errors.revoked",
      values: { date: formatDate(locale, certificate.revokedAt) },
    });
  const details = ZCertificateDetails.parse(certificate.details);
  const pdf = await buildCertificatePdf({
    kind: certificate.kind,
    details,
    verificationCode: certificate.verificationCode,
    verificationUrl: verificationUrl(certificate.verificationCode),
    issuedAt: certificate.issuedAt,
    locale,
  });
  return { certificate, pdf, fileName: `attestation-${certificate.verificationCode}.pdf` };
}
