import { pageTitle } from "@/lib/i18n/page-title";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/actor";
import { DEMO_ACCOUNTS } from "@/lib/auth/demo-accounts";
import { env, isDemoMode, isOidcEnabled } from "@/lib/env";
import { getTranslator } from "@/lib/i18n/server";
import { SignInButton } from "@/components/auth/sign-in-button";

export const generateMetadata = pageTitle("pageTitles.authSignin");

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await getActor()) redirect("/");
  const { t } = await getTranslator();
  const { callbackUrl } = await searchParams;
  // Only same-site paths: an open redirect would let a link send people elsewhere after sign-in.
  const safeCallback = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  const demo = isDemoMode();
  const oidc = isOidcEnabled();
  return (
    <>
      <h1>{t("auth.signInTitle")}</h1>
      {oidc && (
        <section aria-labelledby="oidc-title" className="panel">
          <h2 id="oidc-title">{env().OIDC_DISPLAY_NAME}</h2>
          <p>{t("auth.oidcIntro")}</p>
          <SignInButton
            provider="oidc"
            callbackUrl={safeCallback}
            label={t("auth.oidcButton", { name: env().OIDC_DISPLAY_NAME })}
          />
        </section>
      )}
      {demo && (
        <section aria-labelledby="demo-title" className="panel">
          <h2 id="demo-title">{t("auth.demoTitle")}</h2>
          <p>{t("auth.demoIntro")}</p>
          <ul className="demo-accounts">
            {DEMO_ACCOUNTS.map((account) => (
              <li key={account.email}>
                <SignInButton
                  provider="demo"
                  email={account.email}
                  callbackUrl={safeCallback}
                  label={t("auth.demoSignIn", { label: t(account.labelKey) })}
                  detail={account.email}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
      {!demo && !oidc && <p role="alert">{t("auth.noProvider")}</p>}
    </>
  );
}
