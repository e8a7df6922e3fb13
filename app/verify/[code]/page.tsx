import { pageTitle } from "@/lib/i18n/page-title";
import { verifyCertificate } from "@/lib/certificates/verify-certificate";
import { getTranslator } from "@/lib/i18n/server";

export const generateMetadata = pageTitle("pageTitles.verifyCode");

/** Public: anyone holding a certificate's code may check it; the page reveals only whether it is valid. */
export default async function VerifyPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const [{ t }, validity] = await Promise.all([getTranslator(), verifyCertificate(decodeURIComponent(code))]);
  return (
    <>
      <h1>{t("sessions.verify.title")}</h1>
      <p className={validity === "VALID" ? "success-text" : "error-text"} role="status">
        {t(`sessions.verify.${validity}`)}
      </p>
    </>
  );
}
