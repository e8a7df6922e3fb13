import type { TActor } from "./permissions";
import { canSometimes, hasRole, institutionsWhere } from "./permissions";
import type { TMessageKey } from "../i18n/translate";

export type TNavItem = { href: string; labelKey: TMessageKey };

/** The role homes an actor can reach, in order of how often each role uses the platform. */
export function navigationFor(actor: TActor | null): TNavItem[] {
  if (!actor) return [];
  const items: TNavItem[] = [];
  const isAgent = hasRole(actor, "AGENT");
  if (isAgent) items.push({ href: "/learn", labelKey: "nav.learn" });
  if (canSometimes(actor, "catalog.browse")) items.push({ href: "/catalogue", labelKey: "nav.catalogue" });
  if (canSometimes(actor, "session.register")) items.push({ href: "/sessions", labelKey: "nav.sessions" });
  if (isAgent)
    items.push({ href: "/check-in", labelKey: "nav.checkIn" }, { href: "/my-record", labelKey: "nav.myRecord" });
  if (canSometimes(actor, "needs.express")) items.push({ href: "/needs", labelKey: "nav.needs" });
  if (canSometimes(actor, "course.author")) items.push({ href: "/trainer", labelKey: "nav.trainer" });
  if (canSometimes(actor, "library.browse")) items.push({ href: "/library", labelKey: "nav.library" });
  if (canSometimes(actor, "session.schedule") && hasRole(actor, "SITE_COORDINATOR"))
    items.push({ href: "/coordinator", labelKey: "nav.coordinator" });
  if (canSometimes(actor, "site.manage")) items.push({ href: "/sites", labelKey: "nav.sites" });
  if (hasRole(actor, "TRAINING_OFFICER"))
    items.push({ href: "/officer", labelKey: "nav.officer" }, { href: "/officer/imports", labelKey: "nav.imports" });
  const needsInstitutions = institutionsWhere(actor, "needs.decide");
  if (needsInstitutions !== "all" && needsInstitutions[0])
    items.push({ href: `/institutions/${needsInstitutions[0]}/needs`, labelKey: "nav.officerNeeds" });
  if (canSometimes(actor, "needs.pool")) items.push({ href: "/needs/pooling", labelKey: "nav.pooling" });
  if (canSometimes(actor, "needs.indicators"))
    items.push({ href: "/needs/indicators", labelKey: "nav.needsIndicators" });
  if (canSometimes(actor, "indicators.national"))
    items.push({ href: "/admin", labelKey: "nav.admin" }, { href: "/open-data", labelKey: "nav.openData" });
  if (canSometimes(actor, "lrsClient.manage"))
    items.push({
      href: institutionsWhere(actor, "lrsClient.manage") === "all" ? "/admin/lrs-clients" : "/officer/lrs-clients",
      labelKey: "nav.lrsClients",
    });
  if (canSometimes(actor, "privacy.erase")) items.push({ href: "/officer/privacy", labelKey: "nav.privacy" });
  if (canSometimes(actor, "network.participate")) items.push({ href: "/networks", labelKey: "nav.networks" });
  items.push({ href: "/notifications", labelKey: "nav.notifications" });
  return items;
}

/** Where "/" sends a signed-in actor: the home of their most specific role. */
export function homeFor(actor: TActor): string {
  if (hasRole(actor, "NATIONAL_ADMIN")) return "/admin";
  if (hasRole(actor, "TRAINING_OFFICER")) return "/officer";
  if (hasRole(actor, "SITE_COORDINATOR")) return "/coordinator";
  if (hasRole(actor, "TRAINER")) return "/trainer";
  if (hasRole(actor, "REGIONAL_CORRESPONDENT")) return "/needs/pooling";
  return "/learn";
}
