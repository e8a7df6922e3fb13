import "server-only";
import { db } from "../db";
import { canSometimes, hasRole, institutionsWhere, type TActor } from "../auth/permissions";
import { getApprovalSummary } from "../approvals/get-approval-summary";

export type TWaitingKind =
  | "approvals"
  | "ownRequests"
  | "upcomingSessions"
  | "drafts"
  | "trainerSlots"
  | "siteSessions"
  | "imports"
  | "failedImports"
  | "indicators";
/** Something waiting for the actor on their home: how many, and the page where it is dealt with. */
export type TWaitingItem = { kind: TWaitingKind; count: number; href: string };

const DAY_MS = 86_400_000;
const IMPORT_KINDS = ["STAFF_IMPORT", "HEADCOUNT_IMPORT"] as const;

async function learnerItems(actor: TActor, now: Date): Promise<TWaitingItem[]> {
  const [enrolmentRequests, registrationRequests, upcoming] = await Promise.all([
    db.enrolment.count({ where: { userId: actor.userId, status: "PENDING_APPROVAL" } }),
    db.registration.count({ where: { userId: actor.userId, status: { in: ["PENDING_APPROVAL", "OFFERED"] } } }),
    db.registration.count({
      where: {
        userId: actor.userId,
        status: "CONFIRMED",
        session: { status: { not: "CANCELLED" }, slots: { some: { startsAt: { gt: now } } } },
      },
    }),
  ]);
  return [
    { kind: "upcomingSessions", count: upcoming, href: "/sessions/calendar" },
    { kind: "ownRequests", count: enrolmentRequests + registrationRequests, href: "/learn" },
  ];
}

async function trainerItems(actor: TActor, now: Date): Promise<TWaitingItem[]> {
  const institutions = institutionsWhere(actor, "course.author");
  const courses = institutions === "all" ? {} : { institutionId: { in: institutions } };
  const [drafts, slots] = await Promise.all([
    db.courseVersion.count({ where: { status: "DRAFT", course: courses } }),
    db.slotTrainer.count({
      where: { userId: actor.userId, slot: { startsAt: { gt: now }, session: { status: { not: "CANCELLED" } } } },
    }),
  ]);
  return [
    { kind: "drafts", count: drafts, href: "/trainer" },
    { kind: "trainerSlots", count: slots, href: "/sessions/calendar" },
  ];
}

async function coordinatorItems(actor: TActor, now: Date): Promise<TWaitingItem[]> {
  const sites = actor.memberships
    .filter((membership) => membership.role === "SITE_COORDINATOR" && membership.relaySiteId)
    .map((membership) => membership.relaySiteId!);
  const count = await db.trainingSession.count({
    where: {
      siteId: { in: sites },
      status: { not: "CANCELLED" },
      slots: { some: { startsAt: { gt: now, lt: new Date(now.getTime() + 30 * DAY_MS) } } },
    },
  });
  return [{ kind: "siteSessions", count, href: "/coordinator" }];
}

async function officerItems(actor: TActor, now: Date): Promise<TWaitingItem[]> {
  const [running, failed] = await Promise.all([
    db.indicatorJob.count({
      where: { ownerId: actor.userId, kind: { in: [...IMPORT_KINDS] }, status: { in: ["QUEUED", "RUNNING"] } },
    }),
    db.indicatorJob.count({
      where: {
        ownerId: actor.userId,
        kind: { in: [...IMPORT_KINDS] },
        status: "FAILED",
        createdAt: { gt: new Date(now.getTime() - 7 * DAY_MS) },
      },
    }),
  ]);
  return [
    { kind: "imports", count: running, href: "/officer/imports" },
    { kind: "failedImports", count: failed, href: "/officer/imports" },
  ];
}

/**
 * What waits for the actor, role by role, for their home page: an agent their upcoming sessions
 * and pending requests, a manager (and an officer) the requests to approve, a trainer their
 * drafts and the half-days they teach, a coordinator the site's sessions of the next 30 days, an
 * officer their imports, a national administrator the indicators of the institutions. Counts
 * only: each item links to the page where it is dealt with, which applies its own permissions.
 */
export async function listWaitingItems(actor: TActor, now = new Date()): Promise<TWaitingItem[]> {
  const parts = await Promise.all([
    hasRole(actor, "AGENT") ? learnerItems(actor, now) : [],
    getApprovalSummary(actor, now).then((summary): TWaitingItem[] =>
      summary.isApprover ? [{ kind: "approvals", count: summary.pendingCount, href: "/approvals" }] : [],
    ),
    canSometimes(actor, "course.author") ? trainerItems(actor, now) : [],
    hasRole(actor, "SITE_COORDINATOR") ? coordinatorItems(actor, now) : [],
    canSometimes(actor, "staff.import") ? officerItems(actor, now) : [],
    canSometimes(actor, "indicators.national")
      ? db.institution.count().then((count): TWaitingItem[] => [{ kind: "indicators", count, href: "/admin" }])
      : [],
  ]);
  return parts.flat();
}
