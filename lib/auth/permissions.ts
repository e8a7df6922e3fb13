// Who may do what, as data: role → action → scope. `can` below is the only interpreter.
// Scopes say which resources a membership covers:
//   any          every resource (e.g. any agent may browse the national catalogue)
//   self         resources owned by the actor (resource.userId)
//   managed      resources of agents the actor manages (resource.managerId)
//   institution  resources of the membership's institution (resource.institutionId)
//   site         resources of the membership's relay site (resource.relaySiteId)
//   region       resources of the membership's region (resource.regionId): regional correspondents
//   national     everything, across institutions
import type { Role } from "../db/generated/enums";

export const ACTIONS = [
  "catalog.browse",
  "course.enrol",
  "course.create",
  "course.author",
  "course.followLearners",
  "session.register",
  "session.schedule",
  "site.manage",
  "registration.manage",
  "attendance.record",
  "calendar.readTrainer",
  "enrolment.approve",
  "record.read",
  "institution.read",
  "institution.update",
  "staff.import",
  "headcount.import",
  "report.export",
  "indicators.read",
  "indicators.national",
  "referential.manage",
  "opendata.publish",
  "lrsClient.manage",
  "privacy.exportOwn",
  "privacy.erase",
  // Professional networks (lib/networks). Joining, reading and posting are open to every staff
  // member; what a member may do inside a network (moderate) is the network's own data
  // (NetworkMember.role), never a platform role. Who creates which kind of network:
  //   institution-wide: the institution's training officers (and national administrators);
  //   thematic (a profession, a theme across institutions): training officers and national administrators;
  //   regional and national: national administrators.
  // network.manage (appoint moderators, settings) follows the same scopes.
  "network.participate",
  "network.createInstitution",
  "network.createThematic",
  "network.createRegional",
  "network.createNational",
  "network.manage",
  "needs.campaign.manage",
  "needs.express",
  "needs.opinion",
  "needs.decide",
  "needs.pool",
  "needs.indicators",
  "needs.plan",
  // The shared national library (lib/library). Publishing a course there needs course.author on
  // it too; reuse (adopt: offer it in the catalogue; adapt: copy it into a draft) is done on
  // behalf of the trainer's own institution, never of the course's.
  "library.browse",
  "library.publish",
  "library.reuse",
  // Costs (issue 16): a session's organisers record what it cost; national administrators set the
  // mission-cost scales and commission national online modules from pooled needs.
  "session.costs",
  "missionScales.manage",
  "needs.commission",
] as const;

export type TAction = (typeof ACTIONS)[number];
export type TScope = "any" | "self" | "managed" | "institution" | "site" | "region" | "national";

export const PERMISSIONS: Record<Role, Partial<Record<TAction, readonly TScope[]>>> = {
  AGENT: {
    "catalog.browse": ["any"],
    "privacy.exportOwn": ["self"],
    "course.enrol": ["any"],
    "session.register": ["any"],
    "record.read": ["self"],
    "enrolment.approve": ["managed"],
    "calendar.readTrainer": ["self"],
    "network.participate": ["any"],
    "needs.express": ["self"],
    "needs.opinion": ["managed"],
  },
  TRAINER: {
    "catalog.browse": ["any"],
    "privacy.exportOwn": ["self"],
    "course.create": ["institution"],
    "course.author": ["institution"],
    "course.followLearners": ["institution"],
    "attendance.record": ["institution"],
    "calendar.readTrainer": ["self"],
    "network.participate": ["any"],
    "library.browse": ["any"],
    "library.publish": ["institution"],
    "library.reuse": ["institution"],
  },
  SITE_COORDINATOR: {
    "catalog.browse": ["any"],
    "privacy.exportOwn": ["self"],
    "site.manage": ["site"],
    "session.schedule": ["site"],
    "registration.manage": ["site"],
    "attendance.record": ["site"],
    // A trainer's half-days at the coordinator's site, not elsewhere (lib/sessions/list-calendar-slots.ts).
    "calendar.readTrainer": ["self", "site"],
    "network.participate": ["any"],
    "session.costs": ["site"],
  },
  TRAINING_OFFICER: {
    "catalog.browse": ["any"],
    "privacy.exportOwn": ["self"],
    "enrolment.approve": ["institution"],
    "course.followLearners": ["institution"],
    "institution.read": ["institution"],
    "institution.update": ["institution"],
    "staff.import": ["institution"],
    "headcount.import": ["institution"],
    "report.export": ["institution"],
    "indicators.read": ["institution"],
    "lrsClient.manage": ["institution"],
    "record.read": ["institution"],
    "calendar.readTrainer": ["self"],
    "privacy.erase": ["institution"],
    "network.participate": ["any"],
    "network.createInstitution": ["institution"],
    "network.createThematic": ["any"],
    "network.manage": ["institution"],
    "needs.campaign.manage": ["institution"],
    "needs.decide": ["institution"],
    "needs.indicators": ["institution"],
    "needs.plan": ["institution"],
    "library.browse": ["any"],
    "session.costs": ["institution"],
  },
  NATIONAL_ADMIN: {
    "catalog.browse": ["any"],
    "privacy.exportOwn": ["self"],
    "institution.read": ["national"],
    "report.export": ["national"],
    "indicators.read": ["national"],
    "indicators.national": ["national"],
    "referential.manage": ["national"],
    "opendata.publish": ["national"],
    "lrsClient.manage": ["national"],
    "site.manage": ["national"],
    "session.schedule": ["national"],
    "calendar.readTrainer": ["national"],
    "network.participate": ["any"],
    "network.createInstitution": ["national"],
    "network.createThematic": ["national"],
    "network.createRegional": ["national"],
    "network.createNational": ["national"],
    "network.manage": ["national"],
    "needs.pool": ["national"],
    "needs.indicators": ["national"],
    "library.browse": ["any"],
    "missionScales.manage": ["national"],
    "needs.commission": ["national"],
  },
  REGIONAL_CORRESPONDENT: {
    "catalog.browse": ["any"],
    "needs.pool": ["region"],
    "needs.indicators": ["region"],
  },
};

/** `regionId`: the region of a regional correspondent's membership (absent for other roles). */
export type TMembership = {
  role: Role;
  institutionId: string | null;
  relaySiteId: string | null;
  regionId?: string | null;
};

export type TActor = {
  userId: string;
  email: string;
  name: string;
  institutionId: string | null;
  memberships: TMembership[];
};

/** What the action is applied to; omitted fields never match a scope that needs them. */
export type TResource = {
  institutionId?: string | null;
  relaySiteId?: string | null;
  userId?: string | null;
  managerId?: string | null;
  regionId?: string | null;
};

function scopeCovers(scope: TScope, membership: TMembership, actor: TActor, resource: TResource): boolean {
  switch (scope) {
    case "any":
    case "national":
      return true;
    case "self":
      return resource.userId != null && resource.userId === actor.userId;
    case "managed":
      return resource.managerId != null && resource.managerId === actor.userId;
    case "institution":
      return resource.institutionId != null && resource.institutionId === membership.institutionId;
    case "site":
      return resource.relaySiteId != null && resource.relaySiteId === membership.relaySiteId;
    case "region":
      return resource.regionId != null && resource.regionId === membership.regionId;
  }
}

/** May this actor perform this action on this resource? The one authorization decision of Relais. */
export function can(actor: TActor | null, action: TAction, resource: TResource = {}): boolean {
  if (!actor) return false;
  return actor.memberships.some((membership) =>
    (PERMISSIONS[membership.role][action] ?? []).some((scope) => scopeCovers(scope, membership, actor, resource)),
  );
}

/** May the actor perform the action on at least one resource (used for navigation and page gates)? */
export function canSometimes(actor: TActor | null, action: TAction): boolean {
  if (!actor) return false;
  return actor.memberships.some((membership) => (PERMISSIONS[membership.role][action] ?? []).length > 0);
}

export function hasRole(actor: TActor | null, role: Role): boolean {
  return Boolean(actor?.memberships.some((membership) => membership.role === role));
}

/** Ids (from the memberships' `field`) where the actor holds the action with `scope`, or "all" for national scope. */
function scopedIds(actor: TActor, action: TAction, scope: "institution" | "site" | "region"): "all" | string[] {
  const ids = new Set<string>();
  for (const membership of actor.memberships) {
    const scopes = PERMISSIONS[membership.role][action] ?? [];
    if (scopes.includes("national") || scopes.includes("any")) return "all";
    const id =
      scope === "institution"
        ? membership.institutionId
        : scope === "site"
          ? membership.relaySiteId
          : (membership.regionId ?? null);
    if (scopes.includes(scope) && id) ids.add(id);
  }
  return [...ids];
}

/** Institutions in which the actor holds the action with institution scope, or "all" for national scope. */
export function institutionsWhere(actor: TActor, action: TAction): "all" | string[] {
  return scopedIds(actor, action, "institution");
}

/** Relay sites in which the actor holds the action, or "all" for national scope. */
export function sitesWhere(actor: TActor, action: TAction): "all" | string[] {
  return scopedIds(actor, action, "site");
}

/** Regions in which the actor holds the action with region scope, or "all" for national scope. */
export function regionsWhere(actor: TActor, action: TAction): "all" | string[] {
  return scopedIds(actor, action, "region");
}
