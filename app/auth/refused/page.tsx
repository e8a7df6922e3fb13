import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";

export const generateMetadata = pageTitle("pageTitles.authRefused");

export default async function SignInRefusedPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { t } = await getTranslator();
  const { reason } = await searchParams;
  const message =
    reason === "unknown-institution"
      ? t("auth.refusedUnknownInstitution")
      : reason === "missing-email"
        ? t("auth.refusedMissingEmail")
        : reason === "throttled"
          ? t("auth.refusedThrottled")
          : t("auth.refusedGeneric");
  return (
    <>
      <h1>{t("auth.refusedTitle")}</h1>
      <p role="alert">{message}</p>
      <p>
        <Link href="/">{t("auth.backHome")}</Link>
      </p>
    </>
  );
}
