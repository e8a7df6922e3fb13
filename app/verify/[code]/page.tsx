import Link from "next/link";
import { pageTitle } from "@/lib/i18n/page-title";
import { lookUpCertificate } from "@/lib/certificates/verify-certificate";
import { formatVerificationCode } from "@/lib/certificates/verification-code";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate, formatNumber } from "@/lib/i18n/format";

export const generateMetadata = pageTitle("pageTitles.verifyCode");

/** "2026-03-09" (as frozen on the certificate) → a date in the reader's language; other forms as they are. */
function day(locale: "fr" | "en", value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(locale, new Date(`${value}T12:00:00Z`)) : value;
}

/**
 * Public: anyone holding a certificate's code may check it. Shows what a third
 * party needs to trust the document — holder, training, issuer, dates, hours, status (valid, or
 * revoked with its date) — and nothing else.
 */
export default async function VerifyPage({ params }: { params: Promise<{ code: string }> }) {
  // Next.js decodes the segment; a malformed one never gets here (proxy.ts answers 400).
  const { code } = await params;
  const [{ locale, t }, result] = await Promise.all([getTranslator(), lookUpCertificate(code)]);
  return (
    <>
      <h1>{t("sessions.verify.title")}</h1>
      {result.status === "UNKNOWN" ? (
        <p className="error-text" role="status">
          {t("sessions.verify.UNKNOWN")}
        </p>
      ) : (
        <>
          <p className={result.status === "VALID" ? "success-text" : "error-text"} role="status">
            {t(`sessions.verify.${result.status}`)}
          </p>
          <dl className="facts">
            <dt>{t("sessions.verify.status")}</dt>
            <dd>
              {result.revokedAt
                ? t("sessions.verify.revokedOn", { date: formatDate(locale, result.revokedAt) })
                : t("sessions.verify.valid")}
            </dd>
            <dt>{t("sessions.verify.kind")}</dt>
            <dd>{t(`certificates.kind.${result.kind}`)}</dd>
            <dt>{t("sessions.verify.holder")}</dt>
            <dd>{result.holderName}</dd>
            <dt>{t("sessions.verify.training")}</dt>
            <dd>{result.courseTitle}</dd>
            <dt>{t("sessions.verify.issuer")}</dt>
            <dd>{result.issuer}</dd>
            <dt>{t("sessions.verify.dates")}</dt>
            <dd>{result.dates.map((value) => day(locale, value)).join(", ")}</dd>
            <dt>{t("sessions.verify.hours")}</dt>
            <dd>{formatNumber(locale, result.hours, { maximumFractionDigits: 2 })} h</dd>
            <dt>{t("indicators.record.issuedAt")}</dt>
            <dd>{formatDate(locale, result.issuedAt)}</dd>
            <dt>{t("sessions.verify.codeLabel")}</dt>
            <dd>
              <code className="verification-code">
                {formatVerificationCode(decodeURIComponent(code).toUpperCase())}
              </code>
            </dd>
          </dl>
        </>
      )}
      <p>
        <Link href="/verify">{t("sessions.verify.lookup")}</Link>
      </p>
    </>
  );
}
