import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { checkBookings } from "../sessions/check-bookings";
import { generateCheckInCode } from "../sessions/check-in-code";
import { halfDayBounds } from "../sessions/half-day";
import { timeZoneOf } from "../time/time-zone";
import { slotDateParams } from "../time/format-slot-range";
import { notifyUsers } from "../notifications/notify-users";
import { invalidNeedsInput, needsError } from "./needs-error";
import { parseSubjectKey, pooledNeedsWhere } from "./find-pooled-needs";

const DAY = 24 * 3600_000;

export const ZCreatePooledSessionInput = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  regionId: z.string().min(1).max(40),
  subject: z.string().min(1).max(60),
  courseVersionId: z.string().min(1).max(40),
  siteId: z.string().min(1).max(40),
  roomId: z.string().min(1).max(40),
  startsAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  halfDays: z
    .array(z.enum(["MORNING", "AFTERNOON"]))
    .min(1)
    .max(2),
  capacity: z.coerce.number().int().min(1).max(500),
  priorityDays: z.coerce.number().int().min(1).max(60),
});
export type TCreatePooledSessionInput = z.input<typeof ZCreatePooledSessionInput>;

/**
 * A regional correspondent (or a national administrator) turns a pooled group of retained needs
 * into one shared session at a relay site of the region. The needs are locked and marked answered
 * by the session in the same transaction (two correspondents pooling the same needs: the second
 * finds none left), the requesters are told through the notification outbox, and until
 * `priorityUntil` only they may register (lib/sessions/register-for-session.ts). Registration then
 * opens to all until the day before the session.
 */
export async function createPooledSession(actor: TActor, input: TCreatePooledSessionInput, now = new Date()) {
  const parsed = ZCreatePooledSessionInput.safeParse(input);
  if (!parsed.success) throw invalidNeedsInput(parsed.error);
  const data = parsed.data;
  assertCan(actor, "needs.pool", { regionId: data.regionId });
  const subject = parseSubjectKey(data.subject);
  const [site, version] = await Promise.all([
    db.relaySite.findUnique({
      where: { id: data.siteId },
      select: {
        id: true,
        name: true,
        regionId: true,
        institutionId: true,
        institution: { select: { timeZone: true } },
      },
    }),
    db.courseVersion.findUnique({
      where: { id: data.courseVersionId },
      select: {
        id: true,
        title: true,
        status: true,
        courseId: true,
        course: { select: { modality: true, themeId: true } },
      },
    }),
  ]);
  if (!site || site.regionId !== data.regionId) throw needsError("INVALID", "needs.errors.field.siteId");
  const matchesSubject =
    version &&
    ("courseId" in subject ? version.courseId === subject.courseId : version.course.themeId === subject.themeId);
  if (!version || version.status !== "PUBLISHED" || version.course.modality === "ONLINE" || !matchesSubject)
    throw needsError("INVALID", "needs.errors.field.courseVersionId");
  const timeZone = timeZoneOf(site);
  const slots = (["MORNING", "AFTERNOON"] as const)
    .filter((halfDay) => data.halfDays.includes(halfDay))
    .map((halfDay) => ({
      halfDay,
      ...halfDayBounds({ date: data.startsAt, halfDay, timeZone }),
      roomId: data.roomId,
      trainerIds: [] as string[],
    }));
  const firstStart = slots[0]!.startsAt;
  const priorityUntil = new Date(now.getTime() + data.priorityDays * DAY);
  const registrationDeadline = new Date(firstStart.getTime() - DAY);
  // The priority window must end before registrations close, or no one else could ever register.
  if (registrationDeadline <= priorityUntil) throw needsError("INVALID", "needs.errors.field.startsAt");

  return db.$transaction(
    async (tx) => {
      const where = pooledNeedsWhere({ regionId: data.regionId, year: data.year, subject: data.subject });
      const candidates = await tx.trainingNeed.findMany({ where, select: { id: true } });
      const ids = candidates.map((need) => need.id);
      // Lock, then re-read under the lock: a need answered or withdrawn meanwhile is left out.
      await tx.$queryRaw`SELECT id FROM "TrainingNeed" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
      const needs = await tx.trainingNeed.findMany({
        where: { ...where, id: { in: ids } },
        select: { id: true, userId: true, institutionId: true },
      });
      if (needs.length === 0) throw needsError("CONFLICT", "needs.errors.field.needIds");
      await checkBookings(tx, { siteId: site.id, capacity: data.capacity, slots, timeZone });
      const session = await tx.trainingSession.create({
        data: {
          courseId: version.courseId,
          courseVersionId: version.id,
          siteId: site.id,
          capacity: data.capacity,
          registrationDeadline,
          priorityUntil,
          status: "OPEN",
          slots: {
            create: slots.map((slot) => ({
              startsAt: slot.startsAt,
              endsAt: slot.endsAt,
              halfDay: slot.halfDay,
              roomId: slot.roomId,
              checkInCode: generateCheckInCode(),
            })),
          },
        },
        select: { id: true },
      });
      await tx.trainingNeed.updateMany({
        where: { id: { in: needs.map((need) => need.id) } },
        data: { answeredBySessionId: session.id },
      });
      await notifyUsers(tx, {
        userIds: [...new Set(needs.map((need) => need.userId))],
        kind: "needAnswered",
        link: `/sessions/${session.id}`,
        params: {
          sessionId: session.id,
          course: version.title,
          site: site.name,
          expires: new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone }).format(priorityUntil),
          ...slotDateParams(slots[0], timeZone),
        },
      });
      await tx.auditLog.create({
        data: {
          actorId: actor.userId,
          action: "needs.pooled.session",
          entityType: "TrainingSession",
          entityId: session.id,
          institutionId: site.institutionId,
          data: {
            regionId: data.regionId,
            subject: data.subject,
            needs: needs.length,
            institutions: new Set(needs.map((need) => need.institutionId)).size,
            priorityUntil: priorityUntil.toISOString(),
          },
        },
      });
      return { sessionId: session.id, needs: needs.length, priorityUntil };
    },
    { timeout: 15_000 },
  );
}
