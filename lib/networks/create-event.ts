import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { safeUrl } from "../learning/render-lesson-html";
import { assertModerator, getNetworkContextOrThrow } from "./network-access";
import { invalidNetworkInput, networkError } from "./network-errors";
import { cleanText } from "./post-content";

export const ZCreateEventInput = z
  .object({
    networkId: z.string().min(1).max(100),
    title: z.string().transform(cleanText).pipe(z.string().trim().min(3).max(200)),
    description: z.string().transform(cleanText).pipe(z.string().trim().max(2000)).default(""),
    startsAt: z.coerce.date(),
    endsAt: z.coerce.date(),
    meetingUrl: z.string().trim().min(1).max(2048),
  })
  .refine((input) => input.endsAt > input.startsAt, { path: ["endsAt"] });

/** A moderator schedules an online meeting of the network: a link and a time, in members' calendars. */
export async function createEvent(actor: TActor, input: z.input<typeof ZCreateEventInput>, now = new Date()) {
  const parsed = ZCreateEventInput.safeParse(input);
  if (!parsed.success) throw invalidNetworkInput(parsed.error);
  const data = parsed.data;
  const context = await getNetworkContextOrThrow(actor, { id: data.networkId });
  assertModerator(context);
  const meetingUrl = safeUrl(data.meetingUrl, ["https:", "http:"]);
  if (!meetingUrl || meetingUrl.startsWith("/")) throw networkError("INVALID", "badUrl");
  if (data.startsAt < now) throw networkError("INVALID", "eventInPast");
  if (data.endsAt.getTime() - data.startsAt.getTime() > 24 * 3600 * 1000) throw networkError("INVALID", "eventTooLong");
  return db.$transaction(async (tx) => {
    const event = await tx.networkEvent.create({
      data: {
        networkId: data.networkId,
        title: data.title,
        description: data.description,
        startsAt: data.startsAt,
        endsAt: data.endsAt,
        meetingUrl,
        createdById: actor.userId,
      },
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
