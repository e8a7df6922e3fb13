import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import type { TMessageKey } from "@/lib/i18n/translate";
import { getMyTrainingRecord } from "@/lib/records/get-my-training-record";
import { localized } from "@/lib/i18n/localized";
import { formatVerificationCode } from "@/lib/certificates/verification-code";

export const generateMetadata = pageTitle("pageTitles.myRecord");

export default async function MyRecordPage() {
  const actor = await requirePagePermission("record.read");
  const { locale, t } = await getTranslator();
  const record = await getMyTrainingRecord(actor);
  const hours = (value: number) => `${formatNumber(locale, value, { maximumFractionDigits: 1 })} h`;
  return (
    <>
      <h1>{t("indicators.record.title")}</h1>
      <p className="lead">{t("indicators.record.intro")}</p>
      <p>
        <a className="button" href="/my-record/pdf" download>
          {t("indicators.record.download")}
        </a>{" "}
        <Link href="/surveys">{t("indicators.surveys.title")}</Link>
      </p>
      {record.lines.length === 0 ? (
        <p>{t("indicators.record.none")}</p>
      ) : (
        <table className="table">
          <caption>{t("indicators.record.byYear")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("indicators.record.year")}</th>
              <th scope="col">{t("indicators.record.type")}</th>
              <th scope="col">{t("indicators.record.hours")}</th>
            </tr>
          </thead>
          <tbody>
            {record.lines.map((line) => (
              <tr key={`${line.year}-${line.trainingType}`}>
                <th scope="row">{line.year}</th>
                <td>{t(`enums.trainingType.${line.trainingType}` as TMessageKey)}</td>
                <td>{hours(line.hours)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" colSpan={2}>
                {t("indicators.total")}
              </th>
              <td>{hours(record.totalHours)}</td>
            </tr>
          </tbody>
        </table>
      )}
      <h2>{t("indicators.record.certificates")}</h2>
      {record.certificates.length === 0 && record.sessionsAwaitingCertificate.length === 0 ? (
        <p>{t("indicators.record.none")}</p>
      ) : (
        <ul className="card-list">
          {record.certificates.map((certificate) => {
            const title = localized(locale, certificate.title, certificate.titleEn);
            return (
              <li key={certificate.id} className="card">
                <h3>{title}</h3>
                <p>
                  {t(`certificates.kind.${certificate.kind}`)} — {hours(certificate.hours)} —{" "}
                  {t("indicators.record.issuedAt")} {formatDate(locale, certificate.issuedAt)}
                </p>
                <p>
                  {t("indicators.record.code")}{" "}
                  <code className="verification-code">{formatVerificationCode(certificate.code)}</code>
                </p>
                <p>
                  <a href={certificate.href} download>
                    {t("certificates.downloadOf", { title })}
                  </a>
                </p>
              </li>
            );
          })}
          {record.sessionsAwaitingCertificate.map((session) => {
            const title = localized(locale, session.title, session.titleEn);
            return (
              <li key={session.sessionId} className="card">
                <h3>{title}</h3>
                {session.startsAt && <p>{formatDate(locale, session.startsAt)}</p>}
                <p>
                  <a href={session.href} download>
                    {t("certificates.downloadOf", { title })}
                  </a>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {can(actor, "privacy.exportOwn", { userId: actor.userId }) ? (
        <section aria-labelledby="my-data">
          <h2 id="my-data">{t("privacy.export.title")}</h2>
          <p>{t("privacy.export.intro")}</p>
          <p>
            <a className="button button-secondary" href="/my-record/export" download>
              {t("privacy.export.download")}
            </a>
          </p>
        </section>
      ) : null}
    </>
  );
}
