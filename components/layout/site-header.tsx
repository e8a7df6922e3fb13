"use client";
import { Header } from "@codegouvfr/react-dsfr/Header";
import { addMainNavigationTranslations, type MainNavigationProps } from "@codegouvfr/react-dsfr/MainNavigation";
import { usePathname } from "next/navigation";
import { Fragment, useEffect } from "react";
import { LanguageSwitch } from "./language-switch";
import { SignOutButton } from "./sign-out-button";

/** A translated link of the main navigation; `count` shows as a badge, `countLabel` is what a screen reader hears. */
export type THeaderLink = { href: string; text: string; count?: number; countLabel?: string };
export type THeaderEntry = THeaderLink | { text: string; items: THeaderLink[] };

type TProps = {
  lang: "fr" | "en";
  labels: {
    brandTop: string;
    serviceTitle: string;
    serviceTagline: string;
    homeTitle: string;
    mainNav: string;
    switchTo: string;
    switchToLabel: string;
    signIn: string;
    signOut: string;
    /** "Name (roles)": the account entry of the quick access. */
    account: string | null;
  };
  navigation: THeaderEntry[];
  nextLocale: "fr" | "en";
};

/** The DSFR's block mark ("République / Française"): one line per line of the message. */
export function brandTopLines(text: string) {
  return text.split("\n").map((line, index) => (
    <Fragment key={index}>
      {index > 0 && <br />}
      {line}
    </Fragment>
  ));
}

function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

type TDsfrApi = (element: Element) => { modal?: { conceal: () => void } };

/**
 * The DSFR closes its phone menu when a page loads, not when next/link changes the page under it:
 * after a client-side navigation the open menu would hide the new page.
 */
function closePhoneMenu() {
  const menu = document.querySelector(".fr-header__menu.fr-modal--opened");
  const dsfr = (window as unknown as { dsfr?: TDsfrApi }).dsfr;
  if (menu && dsfr) dsfr(menu).modal?.conceal();
}

function linkText(link: THeaderLink) {
  if (!link.count) return link.text;
  return (
    <>
      {link.text}{" "}
      <span className="nav-count" aria-hidden="true">
        {link.count}
      </span>
      <span className="fr-sr-only">{link.countLabel}</span>
    </>
  );
}

/**
 * The state design system's header: service name, quick access (language, account, sign-out) and
 * the main navigation, which the DSFR folds behind a "Menu" button below 62em (the same items,
 * in its modal). The links and their labels come from lib/auth/navigation.ts.
 */
export function SiteHeader({ lang, labels, navigation, nextLocale }: TProps) {
  const pathname = usePathname();
  useEffect(() => closePhoneMenu(), [pathname]);
  // The DSFR names its <nav> "Menu principal"; Relais's own label, in the page's language.
  addMainNavigationTranslations({ lang, messages: { "main menu": labels.mainNav } });
  // The longest matching link is the current page's (a sub-page of /officer is not "/officer").
  const current = navigation
    .flatMap((entry) => ("items" in entry ? entry.items : [entry]))
    .filter((link) => isCurrent(pathname, link.href))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  const items: MainNavigationProps.Item[] = navigation.map((entry) =>
    "items" in entry
      ? {
          text: entry.text,
          isActive: entry.items.some((link) => link.href === current),
          menuLinks: entry.items.map((link) => ({
            text: linkText(link),
            linkProps: { href: link.href },
            isActive: link.href === current,
          })),
        }
      : { text: linkText(entry), linkProps: { href: entry.href }, isActive: entry.href === current },
  );
  const languageSwitch = (
    <LanguageSwitch key="language" nextLocale={nextLocale} label={labels.switchTo} ariaLabel={labels.switchToLabel} />
  );
  return (
    <Header
      brandTop={brandTopLines(labels.brandTop)}
      serviceTitle={labels.serviceTitle}
      serviceTagline={labels.serviceTagline}
      homeLinkProps={{ href: "/", title: labels.homeTitle }}
      disableDisplay
      navigation={items.length > 0 ? items : undefined}
      quickAccessItems={
        labels.account
          ? [
              languageSwitch,
              {
                iconId: "fr-icon-account-circle-line",
                text: labels.account,
                linkProps: { href: "/" },
              },
              <SignOutButton key="sign-out" label={labels.signOut} />,
            ]
          : [languageSwitch, { iconId: "fr-icon-lock-line", text: labels.signIn, linkProps: { href: "/auth/signin" } }]
      }
    />
  );
}
