import "server-only";
// The scheduling form speaks the site's local time (a date, a morning or an afternoon); the use
// cases speak instants. The conversion needs the site's time zone, so it happens here, after the
// right to schedule at that site was checked, never in the form handler.
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { AppError } from "../errors/app-error";
import { invalidInput } from "../errors/invalid-input";
import { timeZoneOf } from "../time/time-zone";
import { halfDayBounds, zonedTimeToUtc } from "./half-day";
import { rescheduleSession } from "./reschedule-session";
import { scheduleSession } from "./schedule-session";
import { sessionResource } from "./session-access";

const ZLocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "choose a date (yyyy-mm-dd)");

export const ZLocalSessionTimes = z.object({
  capacity: z.coerce.number(),
  /** The last day to register, inclusive (until 23:59 at the site). */
  registrationDeadline: ZLocalDate,
  slots: z.array(
    z.object({
      date: ZLocalDate,
      halfDay: z.enum(["MORNING", "AFTERNOON"]),
      roomId: z.string(),
      trainerIds: z.array(z.string()),
    }),
  ),
});
export type TLocalSessionTimes = z.input<typeof ZLocalSessionTimes>;

function toInstants(local: z.output<typeof ZLocalSessionTimes>, timeZone: string) {
  return {
    capacity: local.capacity,
    registrationDeadline: zonedTimeToUtc(local.registrationDeadline, "23:59", timeZone),
    slots: local.slots.map((slot) => ({
      ...halfDayBounds({ date: slot.date, halfDay: slot.halfDay, timeZone }),
      halfDay: slot.halfDay,
      roomId: slot.roomId,
      trainerIds: slot.trainerIds,
    })),
  };
}

function parseLocal(input: TLocalSessionTimes) {
  const parsed = ZLocalSessionTimes.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

/** scheduleSession with the half-days given in the site's local time. */
export async function scheduleSessionInLocalTime(
  actor: TActor,
  input: TLocalSessionTimes & { siteId: string; courseVersionId: string },
) {
  const local = parseLocal(input);
  const site = await db.relaySite.findUnique({
    where: { id: input.siteId },
    select: { id: true, institutionId: true, institution: { select: { timeZone: true } } },
  });
  if (!site) throw new AppError("NOT_FOUND", "This relay site does not exist.");
  assertCan(actor, "session.schedule", { relaySiteId: site.id, institutionId: site.institutionId });
  return scheduleSession(actor, {
    ...toInstants(local, timeZoneOf(site)),
    siteId: site.id,
    courseVersionId: input.courseVersionId,
    status: "OPEN",
  });
}

/** rescheduleSession with the half-days given in the local time of the session's site. */
export async function rescheduleSessionInLocalTime(actor: TActor, input: TLocalSessionTimes & { sessionId: string }) {
  const local = parseLocal(input);
  const session = await db.trainingSession.findUnique({
    where: { id: input.sessionId },
    select: {
      siteId: true,
      course: { select: { institutionId: true } },
      site: { select: { institution: { select: { timeZone: true } } } },
    },
  });
  if (!session) throw new AppError("NOT_FOUND", "This session does not exist.");
  assertCan(actor, "session.schedule", sessionResource(session));
  return rescheduleSession(actor, { ...toInstants(local, timeZoneOf(session.site)), sessionId: input.sessionId });
}
