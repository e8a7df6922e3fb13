import "server-only";
import { canChangeEvent } from "./change-event";
import { EVENT_FIELDS_SELECT, eventTimeZoneOf, toLocalInput } from "./event-input";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { courseWhereForActor, LATEST_PUBLISHED_VERSION } from "../catalog/course-where";
import { getNetworkContextOrThrow } from "./network-access";

export const THREADS_PER_PAGE = 20;
export const ZNetworkPageQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).optional() });

/**
 * A network's front page for a viewer: pinned threads first, then by last activity (one index
 * range: networkId, isPinned, lastPostAt), with the viewer's count of new posts; resources the
 * viewer may open; upcoming online meetings and linked sessions; what the viewer may do next.
 */
export async function getNetworkPage(actor: TActor, input: { slug: string; page?: number }, now = new Date()) {
  const context = await getNetworkContextOrThrow(actor, { slug: input.slug });
  const { network } = context;
  const page = input.page ?? 1;
  const threadWhere = { networkId: network.id, ...(context.isModerator ? {} : { isHidden: false }) };
  const [threads, threadTotal, resources, events, sessions, pendingCount, reportCount] = await Promise.all([
    context.canRead
      ? db.networkThread.findMany({
          where: threadWhere,
          orderBy: [{ isPinned: "desc" }, { lastPostAt: "desc" }],
          skip: (page - 1) * THREADS_PER_PAGE,
          take: THREADS_PER_PAGE,
          select: {
            id: true,
            title: true,
            isPinned: true,
            isLocked: true,
            isHidden: true,
            solutionPostId: true,
            postCount: true,
            lastPostAt: true,
            authorId: true,
            reads: { where: { userId: actor.userId }, select: { lastPosition: true } },
          },
        })
      : [],
    context.canRead ? db.networkThread.count({ where: threadWhere }) : 0,
    db.networkResource.findMany({
      where: {
        networkId: network.id,
        OR: [
          { kind: { in: ["LINK", "DOCUMENT"] } },
          { kind: "COURSE", course: courseWhereForActor(actor) },
          { kind: "SESSION", session: { course: courseWhereForActor(actor) } },
        ],
      },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: {
        id: true,
        kind: true,
        title: true,
        url: true,
        fileId: true,
        course: { select: { slug: true } },
        sessionId: true,
      },
    }),
    db.networkEvent.findMany({
      where: { networkId: network.id, cancelledAt: null, endsAt: { gte: now } },
      orderBy: { startsAt: "asc" },
      take: 10,
      select: { ...EVENT_FIELDS_SELECT, editedAt: true, createdById: true },
    }),
    db.trainingSession.findMany({
      where: {
        networkResources: { some: { networkId: network.id } },
        status: { in: ["OPEN", "FULL", "PLANNED"] },
        slots: { some: { startsAt: { gte: now } } },
        course: courseWhereForActor(actor),
      },
      take: 10,
      select: {
        id: true,
        site: { select: { name: true, city: true } },
        course: { select: { versions: { ...LATEST_PUBLISHED_VERSION, select: { title: true } } } },
        slots: { orderBy: { startsAt: "asc" }, take: 1, select: { startsAt: true, endsAt: true } },
      },
    }),
    context.isModerator ? db.networkMember.count({ where: { networkId: network.id, status: "PENDING" } }) : 0,
    context.isModerator ? db.networkReport.count({ where: { networkId: network.id, status: "OPEN" } }) : 0,
  ]);
  const timeZone = context.isMember && events.length ? await eventTimeZoneOf(actor) : null;
  const authors = new Map(
    (
      await db.user.findMany({
        where: {
          id: { in: [...new Set(threads.map((thread) => thread.authorId).filter((id): id is string => !!id))] },
        },
        select: { id: true, name: true },
      })
    ).map((user) => [user.id, user.name]),
  );
  return {
    network,
    membership: context.membership,
    isMember: context.isMember,
    isModerator: context.isModerator,
    canRead: context.canRead,
    canPost: context.canPost,
    canJoin: !context.membership,
    canLeave: Boolean(context.membership),
    canManage: context.canManage,
    page,
    pageCount: Math.max(1, Math.ceil(threadTotal / THREADS_PER_PAGE)),
    threads: threads.map((thread) => {
      const read = thread.reads[0]?.lastPosition;
      return {
        id: thread.id,
        title: thread.title,
        isPinned: thread.isPinned,
        isLocked: thread.isLocked,
        isHidden: thread.isHidden,
        hasSolution: Boolean(thread.solutionPostId),
        replyCount: Math.max(0, thread.postCount - 1),
        lastPostAt: thread.lastPostAt,
        author: thread.authorId ? (authors.get(thread.authorId) ?? null) : null,
        newCount: context.isMember ? thread.postCount - (read ?? 0) : 0,
      };
    }),
    resources: resources.map((resource) => ({
      id: resource.id,
      kind: resource.kind,
      title: resource.title,
      href:
        resource.kind === "LINK"
          ? resource.url!
          : resource.kind === "DOCUMENT"
            ? `/api/networks/resources/${resource.id}/file`
            : resource.kind === "COURSE"
              ? `/courses/${resource.course!.slug}`
              : `/sessions/${resource.sessionId}`,
      isExternal: resource.kind === "LINK",
    })),
    events: events.map(({ createdById, cancelledAt, ...event }) => {
      const canChange = canChangeEvent(actor.userId, context, { createdById, cancelledAt });
      return {
        ...event,
        canChange,
        /** The change form's values (datetime-local, in the actor's institution's zone). */
        form:
          canChange && timeZone
            ? { startsAt: toLocalInput(event.startsAt, timeZone), endsAt: toLocalInput(event.endsAt, timeZone) }
            : null,
      };
    }),
    sessions: sessions.map((session) => ({
      id: session.id,
      title: session.course.versions[0]?.title ?? "",
      site: `${session.site.name}, ${session.site.city}`,
      startsAt: session.slots[0]?.startsAt ?? null,
      endsAt: session.slots[0]?.endsAt ?? null,
    })),
    pendingCount,
    reportCount,
  };
}

export type TNetworkPage = Awaited<ReturnType<typeof getNetworkPage>>;
