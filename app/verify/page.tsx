import { redirect } from "next/navigation";
import { getTranslator } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("pageTitles.verifyCode");

/** Public: a form to type a certificate's verification code (works without JavaScript: GET, then a redirect). */
export default async function VerifyLookupPage({
  searchParams,
}: {
  searchParams: Promise<{ code?: string | string[] }>;
}) {
  const { code } = await searchParams;
  const typed = (Array.isArray(code) ? code[0] : code)?.trim().slice(0, 40);
  if (typed) redirect(`/verify/${encodeURIComponent(typed)}`);
  const { t } = await getTranslator();
  return (
    <>
      <h1>{t("sessions.verify.title")}</h1>
      <p>{t("sessions.verify.intro")}</p>
      <form method="get" action="/verify" className="form">
        <p className="field">
          <label htmlFor="verify-code">{t("sessions.verify.codeLabel")}</label>
          <input id="verify-code" name="code" required maxLength={40} autoComplete="off" spellCheck={false} />
        </p>
        <button type="submit" className="button">
          {t("sessions.verify.submit")}
        </button>
      </form>
    </>
  );
}
