import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { getActor } from "@/lib/auth/actor";
import { navigationFor } from "@/lib/auth/navigation";
import { canSometimes } from "@/lib/auth/permissions";
import { countUnreadNetworkPosts } from "@/lib/networks/count-unread-posts";
import { getTranslator } from "@/lib/i18n/server";
import { SiteHeader } from "@/components/layout/site-header";
import { SiteFooter } from "@/components/layout/site-footer";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: { default: "Relais", template: "%s — Relais" }, description: t("app.description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page depends on the visitor (session, language cookie): nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [{ locale, t }, actor] = await Promise.all([getTranslator(), getActor()]);
  const unreadPosts = actor && canSometimes(actor, "network.participate") ? await countUnreadNetworkPosts(actor) : 0;
  const roleLabels = [...new Set(actor?.memberships.map((membership) => t(`roles.${membership.role}`)) ?? [])];
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t("app.skipToContent")}
        </a>
        <SiteHeader
          t={t}
          navigation={navigationFor(actor)}
          counts={{ "/networks": unreadPosts }}
          userName={actor?.name ?? null}
          roleLabels={roleLabels}
          nextLocale={locale === "fr" ? "en" : "fr"}
        />
        <main id="main" tabIndex={-1} className="container main">
          {children}
        </main>
        <SiteFooter t={t} />
      </body>
    </html>
  );
}
