import Link from "next/link";
import type { TNavItem } from "@/lib/auth/navigation";
import type { TTranslate } from "@/lib/i18n/translate";
import { LanguageSwitch } from "./language-switch";
import { SignOutButton } from "./sign-out-button";

type TProps = {
  t: TTranslate;
  navigation: TNavItem[];
  userName: string | null;
  roleLabels: string[];
  nextLocale: "fr" | "en";
  /** Unread items beside a navigation entry (its href): a badge, and the count in the link's name. */
  counts?: Record<string, number>;
};

export function SiteHeader({ t, navigation, userName, roleLabels, nextLocale, counts = {} }: TProps) {
  return (
    <header className="site-header" role="banner">
      <div className="container header-top">
        <Link href="/" className="brand" title={t("nav.home")}>
          <span className="brand-mark" aria-hidden="true">
            R
          </span>
          <span>
            <span className="brand-name">{t("app.name")}</span>
            <span className="brand-tagline">{t("app.tagline")}</span>
          </span>
        </Link>
        <div className="header-tools">
          <LanguageSwitch nextLocale={nextLocale} label={t("app.switchTo")} ariaLabel={t("app.switchToLabel")} />
          {userName ? (
            <>
              <p className="signed-in">
                {t("app.signedInAs", { name: userName })}
                {roleLabels.length > 0 && <span className="roles"> ({roleLabels.join(", ")})</span>}
              </p>
              <SignOutButton label={t("app.signOut")} />
            </>
          ) : (
            <Link className="button button-secondary" href="/auth/signin">
              {t("app.signIn")}
            </Link>
          )}
        </div>
      </div>
      {navigation.length > 0 && (
        <nav className="main-nav" aria-label={t("app.mainNav")}>
          <ul className="container">
            {navigation.map((item) => (
              <li key={item.href}>
                <Link href={item.href}>
                  {t(item.labelKey)}
                  {(counts[item.href] ?? 0) > 0 && (
                    <>
                      {" "}
                      <span className="nav-count" aria-hidden="true">
                        {counts[item.href]}
                      </span>
                      <span className="visually-hidden">{t("nav.unread", { count: counts[item.href]! })}</span>
                    </>
                  )}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
