"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { DsfrProviderBase, StartDsfrOnHydration } from "@codegouvfr/react-dsfr/next-app-router";

declare module "@codegouvfr/react-dsfr/next-app-router" {
  interface RegisterLink {
    Link: typeof Link;
  }
}

/**
 * Starts the state design system's own script (menus, modals, collapses) after hydration and
 * makes its components use next/link. Relais has one colour scheme, the DSFR's light one: no
 * scheme script runs before paint, so the page's CSP needs nothing more than its nonce.
 */
export function DsfrProvider({ lang, children }: { lang: string; children: ReactNode }) {
  return (
    <DsfrProviderBase lang={lang} Link={Link} defaultColorScheme="light">
      <StartDsfrOnHydration />
      {children}
    </DsfrProviderBase>
  );
}
