import type { TActor } from "./permissions";
import { canSometimes, hasRole, institutionsWhere } from "./permissions";
import type { TMessageKey } from "../i18n/translate";

export type TNavItem = { href: string; labelKey: TMessageKey };
/** A link of the main navigation, or a group of links that opens as a menu. */
export type TNavEntry = TNavItem | { labelKey: TMessageKey; items: TNavItem[] };

export type TNavigationContext = {
  /** The actor decides requests (a team, a deputyship, an institution's): "Demandes à valider" shows. */
  isApprover?: boolean;
};

/**
 * The areas of the platform, each the work of one role. An area of three links or more opens as
 * a menu, so that the navigation stays on one line at 1280 px (the DSFR's does not wrap); the
 * learner's own area stays flat, it is what most people use.
 */
type TArea = "learning" | "approvals" | "personal" | "teaching" | "site" | "institution" | "national" | "community";
const AREA_LABELS: Record<TArea, TMessageKey> = {
  learning: "nav.groups.learning",
  approvals: "nav.groups.approvals",
  personal: "nav.groups.personal",
  teaching: "nav.groups.teaching",
  site: "nav.groups.site",
  institution: "nav.groups.institution",
  national: "nav.groups.national",
  community: "nav.groups.community",
};
const NEVER_GROUPED: ReadonlySet<TArea> = new Set(["learning", "approvals", "community"]);
const MAX_TOP_LEVEL = 7;

function areaLinksFor(actor: TActor, context: TNavigationContext): [TArea, TNavItem[]][] {
  const isAgent = hasRole(actor, "AGENT");
  const learning: TNavItem[] = [];
  if (isAgent) learning.push({ href: "/learn", labelKey: "nav.learn" });
  if (canSometimes(actor, "catalog.browse")) learning.push({ href: "/catalogue", labelKey: "nav.catalogue" });
  if (isAgent && canSometimes(actor, "session.register"))
    learning.push({ href: "/sessions", labelKey: "nav.sessions" });

  const approvals: TNavItem[] =
    context.isApprover && canSometimes(actor, "enrolment.approve")
      ? [{ href: "/approvals", labelKey: "nav.approvals" }]
      : [];

  const personal: TNavItem[] = [];
  if (isAgent)
    personal.push({ href: "/check-in", labelKey: "nav.checkIn" }, { href: "/my-record", labelKey: "nav.myRecord" });
  if (canSometimes(actor, "needs.express")) personal.push({ href: "/needs", labelKey: "nav.needs" });
  if (isAgent) personal.push({ href: "/notifications", labelKey: "nav.notifications" });

  const teaching: TNavItem[] = [];
  if (canSometimes(actor, "course.author")) teaching.push({ href: "/trainer", labelKey: "nav.trainer" });
  if (canSometimes(actor, "library.browse") && hasRole(actor, "TRAINER"))
    teaching.push({ href: "/library", labelKey: "nav.library" });

  const site: TNavItem[] = [];
  if (canSometimes(actor, "session.schedule") && hasRole(actor, "SITE_COORDINATOR"))
    site.push({ href: "/coordinator", labelKey: "nav.coordinator" });
  if (canSometimes(actor, "site.manage") && !hasRole(actor, "NATIONAL_ADMIN"))
    site.push({ href: "/sites", labelKey: "nav.sites" });

  const institution: TNavItem[] = [];
  if (hasRole(actor, "TRAINING_OFFICER"))
    institution.push(
      { href: "/officer", labelKey: "nav.officer" },
      { href: "/officer/imports", labelKey: "nav.imports" },
    );
  const needsInstitutions = institutionsWhere(actor, "needs.decide");
  if (needsInstitutions !== "all" && needsInstitutions[0])
    institution.push({ href: `/institutions/${needsInstitutions[0]}/needs`, labelKey: "nav.officerNeeds" });
  if (canSometimes(actor, "needs.indicators"))
    institution.push({ href: "/needs/indicators", labelKey: "nav.needsIndicators" });
  const lrsScope = canSometimes(actor, "lrsClient.manage") ? institutionsWhere(actor, "lrsClient.manage") : null;
  if (lrsScope && lrsScope !== "all") institution.push({ href: "/officer/lrs-clients", labelKey: "nav.lrsClients" });
  if (canSometimes(actor, "privacy.erase")) institution.push({ href: "/officer/privacy", labelKey: "nav.privacy" });
  if (canSometimes(actor, "library.browse") && !hasRole(actor, "TRAINER"))
    institution.push({ href: "/library", labelKey: "nav.library" });

  const national: TNavItem[] = [];
  if (canSometimes(actor, "indicators.national"))
    national.push({ href: "/admin", labelKey: "nav.admin" }, { href: "/open-data", labelKey: "nav.openData" });
  if (canSometimes(actor, "needs.pool")) national.push({ href: "/needs/pooling", labelKey: "nav.pooling" });
  if (lrsScope === "all") national.push({ href: "/admin/lrs-clients", labelKey: "nav.lrsClients" });
  if (canSometimes(actor, "site.manage") && hasRole(actor, "NATIONAL_ADMIN"))
    national.push({ href: "/sites", labelKey: "nav.sites" });

  const community: TNavItem[] = [];
  if (canSometimes(actor, "network.participate")) community.push({ href: "/networks", labelKey: "nav.networks" });
  if (!isAgent) community.push({ href: "/notifications", labelKey: "nav.notifications" });

  return [
    ["learning", learning],
    ["approvals", approvals],
    ["personal", personal],
    ["teaching", teaching],
    ["site", site],
    ["institution", institution],
    ["national", national],
    ["community", community],
  ];
}

/**
 * The main navigation of an actor: only the areas their roles work in (an agent never sees a
 * trainer's or a coordinator's entries), a link appearing once even when two roles lead to it.
 */
export function navigationFor(actor: TActor | null, context: TNavigationContext = {}): TNavEntry[] {
  if (!actor) return [];
  const seen = new Set<string>();
  const areas = areaLinksFor(actor, context)
    .map(([area, links]) => {
      const fresh = links.filter((link) => !seen.has(link.href));
      for (const link of fresh) seen.add(link.href);
      return { area, links: fresh, isGrouped: fresh.length >= 3 && !NEVER_GROUPED.has(area) };
    })
    .filter(({ links }) => links.length > 0);
  const width = () => areas.reduce((sum, { links, isGrouped }) => sum + (isGrouped ? 1 : links.length), 0);
  // Someone with several roles: fold their staff areas too, the last first, until the line fits.
  for (const area of [...areas].reverse()) {
    if (width() <= MAX_TOP_LEVEL) break;
    if (!area.isGrouped && area.links.length >= 2 && !NEVER_GROUPED.has(area.area)) area.isGrouped = true;
  }
  return areas.flatMap(({ area, links, isGrouped }): TNavEntry[] =>
    isGrouped ? [{ labelKey: AREA_LABELS[area], items: links }] : links,
  );
}

/** Every link of a navigation, groups opened (tests, and the "is this page in the menu" check). */
export function navigationLinks(entries: TNavEntry[]): TNavItem[] {
  return entries.flatMap((entry) => ("items" in entry ? entry.items : [entry]));
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
