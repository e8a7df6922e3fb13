import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
// The state design system's stylesheet and icons first, Relais's own rules after them: imported in
// this order from one module, the bundler keeps the order (its fonts and icons are emitted as assets).
import "@codegouvfr/react-dsfr/dsfr/dsfr.min.css";
import "@codegouvfr/react-dsfr/dsfr/utility/icons/icons.min.css";
import "./globals.css";
import faviconSvg from "@codegouvfr/react-dsfr/dsfr/favicon/favicon.svg";
import appleTouchIcon from "@codegouvfr/react-dsfr/dsfr/favicon/apple-touch-icon.png";
import { getActor } from "@/lib/auth/actor";
import { navigationFor } from "@/lib/auth/navigation";
import { canSometimes } from "@/lib/auth/permissions";
import { getApprovalSummary } from "@/lib/approvals/get-approval-summary";
import { countUnreadNetworkPosts } from "@/lib/networks/count-unread-posts";
import { getTranslator } from "@/lib/i18n/server";
import { DsfrProvider } from "@/components/layout/dsfr-provider";
import { SiteHeader, type THeaderEntry } from "@/components/layout/site-header";
import { SiteFooter } from "@/components/layout/site-footer";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return {
    title: { default: "Relais", template: "%s — Relais" },
    description: t("app.description"),
    // The DSFR's Marianne favicon, emitted by the bundler like its fonts and icons.
    icons: { icon: { url: faviconSvg.src, type: "image/svg+xml" }, apple: appleTouchIcon.src },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page depends on the visitor (session, language cookie): nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [{ locale, t }, actor] = await Promise.all([getTranslator(), getActor()]);
  const [unreadPosts, approvals] = actor
    ? await Promise.all([
        canSometimes(actor, "network.participate") ? countUnreadNetworkPosts(actor) : 0,
        getApprovalSummary(actor),
      ])
    : [0, { isApprover: false, pendingCount: 0 }];
  const counts: Record<string, { count: number; countLabel: string }> = {
    "/networks": { count: unreadPosts, countLabel: t("nav.unread", { count: unreadPosts }) },
    "/approvals": {
      count: approvals.pendingCount,
      countLabel: t("nav.approvalsCount", { count: approvals.pendingCount }),
    },
  };
  const link = (item: { href: string; labelKey: Parameters<typeof t>[0] }) => ({
    href: item.href,
    text: t(item.labelKey),
    ...counts[item.href],
  });
  const navigation: THeaderEntry[] = navigationFor(actor, { isApprover: approvals.isApprover }).map((entry) =>
    "items" in entry ? { text: t(entry.labelKey), items: entry.items.map(link) } : link(entry),
  );
  const roleLabels = [...new Set(actor?.memberships.map((membership) => t(`roles.${membership.role}`)) ?? [])];
  const brandTop = t("app.brandTop");
  return (
    <html lang={locale} data-fr-scheme="light" data-fr-theme="light">
      <body>
        <DsfrProvider lang={locale}>
          <div className="fr-skiplinks">
            <nav className="fr-container" aria-label={t("app.skipLinks")}>
              <ul className="fr-skiplinks__list">
                <li>
                  <a className="fr-link" href="#main">
                    {t("app.skipToContent")}
                  </a>
                </li>
              </ul>
            </nav>
          </div>
          <SiteHeader
            lang={locale}
            nextLocale={locale === "fr" ? "en" : "fr"}
            navigation={navigation}
            labels={{
              brandTop,
              serviceTitle: t("app.name"),
              serviceTagline: t("app.tagline"),
              homeTitle: t("app.homeTitle"),
              mainNav: t("app.mainNav"),
              switchTo: t("app.switchTo"),
              switchToLabel: t("app.switchToLabel"),
              signIn: t("app.signIn"),
              signOut: t("app.signOut"),
              account: actor ? (roleLabels.length > 0 ? `${actor.name} (${roleLabels.join(", ")})` : actor.name) : null,
            }}
          />
          <main id="main" tabIndex={-1} className="fr-container main">
            {children}
          </main>
          <SiteFooter
            lang={locale}
            labels={{
              brandTop,
              homeTitle: t("app.homeTitle"),
              description: t("app.footer"),
              license: t("app.license"),
              accessibility: t("app.accessibilityLabel"),
              partiallyCompliant: t("app.partiallyCompliant"),
              terms: t("legal.terms.link"),
              personalData: t("legal.personalData.link"),
            }}
          />
        </DsfrProvider>
      </body>
    </html>
  );
}
