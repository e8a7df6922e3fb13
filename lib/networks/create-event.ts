import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertModerator, getNetworkContextOrThrow } from "./network-access";
import { invalidNetworkInput } from "./network-errors";
import { checkEventFields, ZEventFields } from "./event-input";

export const ZCreateEventInput = ZEventFields.extend({ networkId: z.string().min(1).max(100) });

/** A moderator schedules an online meeting of the network: a link and a time, in members' calendars. */
export async function createEvent(actor: TActor, input: z.input<typeof ZCreateEventInput>, now = new Date()) {
  const parsed = ZCreateEventInput.safeParse(input);
  if (!parsed.success) throw invalidNetworkInput(parsed.error);
  const context = await getNetworkContextOrThrow(actor, { id: parsed.data.networkId });
  assertModerator(context);
  const fields = await checkEventFields(actor, parsed.data, now);
  return db.$transaction(async (tx) => {
    const event = await tx.networkEvent.create({
      data: { networkId: parsed.data.networkId, ...fields, createdById: actor.userId },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "network.event.created",
        entityType: "NetworkEvent",
        entityId: event.id,
        institutionId: context.network.institutionId,
      },
    });
    return event;
  });
}
