import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { getNetworkContextOrThrow, type TNetworkContext } from "./network-access";
import { invalidNetworkInput, networkError } from "./network-errors";
import { checkEventFields, ZEventFields } from "./event-input";

export const ZUpdateEventInput = ZEventFields.extend({ eventId: z.string().min(1).max(100) });
export const ZCancelEventInput = z.object({ eventId: z.string().min(1).max(100) });

/** Its creator while still a member, or a moderator of its network; a cancelled meeting stays cancelled. */
export function canChangeEvent(
  actorId: string,
  context: TNetworkContext,
  event: { createdById: string | null; cancelledAt: Date | null },
) {
  return !event.cancelledAt && (context.isModerator || (context.isMember && event.createdById === actorId));
}

async function changeableEvent(actor: TActor, eventId: string) {
  const event = await db.networkEvent.findUnique({
    where: { id: eventId },
    select: { id: true, networkId: true, createdById: true, cancelledAt: true },
  });
  if (!event) throw networkError("NOT_FOUND", "eventNotFound");
  const context = await getNetworkContextOrThrow(actor, { id: event.networkId }).catch(() => {
    throw networkError("NOT_FOUND", "eventNotFound");
  });
  if (!canChangeEvent(actor.userId, context, event)) throw networkError("FORBIDDEN", "cannotChangeEvent");
  return { event, context };
}

/** Changes a meeting's title, description, times or link (members' calendars follow: same UID, new content). */
export async function updateEvent(actor: TActor, input: z.input<typeof ZUpdateEventInput>, now = new Date()) {
  const parsed = ZUpdateEventInput.safeParse(input);
  if (!parsed.success) throw invalidNetworkInput(parsed.error);
  const { event, context } = await changeableEvent(actor, parsed.data.eventId);
  const fields = await checkEventFields(actor, parsed.data, now);
  await db.$transaction(async (tx) => {
    const changed = await tx.networkEvent.updateMany({
      where: { id: event.id, cancelledAt: null },
      data: { ...fields, editedAt: now },
    });
    if (changed.count === 0) throw networkError("FORBIDDEN", "cannotChangeEvent");
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "network.event.updated",
        entityType: "NetworkEvent",
        entityId: event.id,
        institutionId: context.network.institutionId,
      },
    });
  });
}

/**
 * Deletes a meeting from the network's page: it is cancelled rather than erased, so that calendars
 * that imported it receive it as CANCELLED instead of keeping a ghost.
 */
export async function cancelEvent(actor: TActor, input: z.input<typeof ZCancelEventInput>, now = new Date()) {
  const parsed = ZCancelEventInput.safeParse(input);
  if (!parsed.success) throw invalidNetworkInput(parsed.error);
  const { event, context } = await changeableEvent(actor, parsed.data.eventId);
  await db.$transaction(async (tx) => {
    await tx.networkEvent.updateMany({ where: { id: event.id, cancelledAt: null }, data: { cancelledAt: now } });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "network.event.cancelled",
        entityType: "NetworkEvent",
        entityId: event.id,
        institutionId: context.network.institutionId,
      },
    });
  });
}
