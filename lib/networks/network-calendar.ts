import "server-only";
import ical, { ICalEventStatus } from "ical-generator";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { loadActor } from "../auth/load-actor";
import { getSessionIcalSlots } from "./network-session-slots";
import { networkWhereReadable } from "./network-access";
import { networkError } from "./network-errors";
import { EVENT_FIELDS_SELECT } from "./event-input";
import { publicUrl } from "../env";

const DAY = 86_400_000;

type TEvent = {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  meetingUrl: string;
  cancelledAt: Date | null;
  network: { name: string; slug: string };
};

function base(): string {
  return publicUrl();
}

/**
 * An iCalendar file of network meetings (and, for a member's feed, the upcoming sessions their
 * networks link to). Times in UTC, stable UIDs so that updates replace events; a cancelled
 * meeting stays with STATUS:CANCELLED so calendar apps remove it.
 */
function buildNetworkIcal(options: {
  name: string;
  events: TEvent[];
  sessions?: Awaited<ReturnType<typeof getSessionIcalSlots>>;
}) {
  const calendar = ical({ name: options.name, prodId: { company: "Relais", product: "networks", language: "FR" } });
  for (const event of options.events) {
    calendar.createEvent({
      id: `network-event-${event.id}@relais`,
      start: event.startsAt,
      end: event.endsAt,
      summary: `${event.network.name} — ${event.title}`,
      description: [event.description, event.meetingUrl].filter(Boolean).join("\n\n"),
      location: event.meetingUrl,
      url: event.meetingUrl,
      status: event.cancelledAt ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  for (const slot of options.sessions ?? []) {
    calendar.createEvent({
      id: `network-slot-${slot.id}@relais`,
      start: slot.startsAt,
      end: slot.endsAt,
      summary: slot.title,
      location: slot.location,
      url: `${base()}/sessions/${slot.sessionId}`,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

const EVENT_SELECT = {
  ...EVENT_FIELDS_SELECT,
  network: { select: { name: true, slug: true } },
} as const;

/** One meeting's .ics, for someone who may read its network (others: NOT_FOUND). */
export async function getNetworkEventIcs(actor: TActor, eventId: string): Promise<string> {
  const event = await db.networkEvent.findFirst({
    where: { id: eventId, network: networkWhereReadable(actor) },
    select: EVENT_SELECT,
  });
  if (!event) throw networkError("NOT_FOUND", "eventNotFound");
  return buildNetworkIcal({ name: event.title, events: [event] });
}

/**
 * A member's network feed (the URL's signed token is the credential, as for the sessions feed):
 * the meetings of every network they belong to, from 30 days ago to a year ahead, and the
 * upcoming sessions those networks link to.
 */
export async function getMemberNetworkFeed(userId: string, now = new Date()): Promise<string | null> {
  const actor = await loadActor(userId);
  if (!actor) return null;
  const networks = { members: { some: { userId, status: "ACTIVE" as const } }, AND: [networkWhereReadable(actor)] };
  const events = await db.networkEvent.findMany({
    where: {
      network: networks,
      startsAt: { gte: new Date(now.getTime() - 30 * DAY), lt: new Date(now.getTime() + 400 * DAY) },
    },
    orderBy: { startsAt: "asc" },
    take: 500,
    select: EVENT_SELECT,
  });
  return buildNetworkIcal({
    name: "Relais — réseaux",
    events,
    sessions: await getSessionIcalSlots(actor, { networks, now }),
  });
}
