import "server-only";
import { localizedAppError } from "../errors/localized-error";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { AppError } from "../errors/app-error";
import { invalidInput } from "../errors/invalid-input";
import { checkBookings } from "./check-bookings";
import { generateCheckInCode } from "./check-in-code";
import { timeZoneOf } from "../time/time-zone";

export const ZSlotInput = z
  .object({
    startsAt: z.coerce.date(),
    endsAt: z.coerce.date(),
    halfDay: z.enum(["MORNING", "AFTERNOON"]),
    roomId: z.string().min(1),
    trainerIds: z.array(z.string().min(1)).min(1, "at least one trainer"),
  })
  .refine((slot) => slot.endsAt > slot.startsAt, { message: "ends before it starts", path: ["endsAt"] })
  .refine((slot) => slot.endsAt.getTime() - slot.startsAt.getTime() <= 6 * 3600_000, {
    message: "a half-day lasts at most 6 hours",
    path: ["endsAt"],
  });

export const ZScheduleSessionInput = z.object({
  courseVersionId: z.string().min(1),
  siteId: z.string().min(1),
  capacity: z.coerce.number().int().min(1).max(500),
  registrationDeadline: z.coerce.date(),
  status: z.enum(["PLANNED", "OPEN"]).default("OPEN"),
  slots: z.array(ZSlotInput).min(1, "at least one half-day").max(40),
});
export type TScheduleSessionInput = z.input<typeof ZScheduleSessionInput>;

/** A coordinator schedules a session of a published course version at their site. */
export async function scheduleSession(actor: TActor, input: TScheduleSessionInput) {
  const parsed = ZScheduleSessionInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const data = parsed.data;
  const site = await db.relaySite.findUnique({
    where: { id: data.siteId },
    select: { id: true, institutionId: true, institution: { select: { timeZone: true } } },
  });
  if (!site) throw new AppError("NOT_FOUND", "This relay site does not exist.");
  assertCan(actor, "session.schedule", { relaySiteId: site.id, institutionId: site.institutionId });
  const version = await db.courseVersion.findUnique({
    where: { id: data.courseVersionId },
    select: { id: true, courseId: true, status: true, course: { select: { modality: true } } },
  });
  if (!version || version.status !== "PUBLISHED")
    throw localizedAppError("INVALID", "Choose a published course.", {
      messageKey: "errors.sessions.choosePublishedCourse",
      values: {},
    });
  if (version.course.modality === "ONLINE")
    throw localizedAppError("INVALID", "A fully online course has no in-person session.", {
      messageKey: "errors.sessions.onlineCourseNoSession",
      values: {},
    });
  const firstStart = data.slots.reduce(
    (min, slot) => (slot.startsAt < min ? slot.startsAt : min),
    data.slots[0]!.startsAt,
  );
  if (data.registrationDeadline > firstStart)
    throw localizedAppError("INVALID", "The registration deadline must come before the first half-day.", {
      messageKey: "errors.sessions.deadlineAfterStart",
      values: {},
      field: "registrationDeadline",
    });
  const timeZone = timeZoneOf(site);

  return db.$transaction(async (tx) => {
    await checkBookings(tx, { siteId: site.id, capacity: data.capacity, slots: data.slots, timeZone });
    const session = await tx.trainingSession.create({
      data: {
        courseId: version.courseId,
        courseVersionId: version.id,
        siteId: site.id,
        capacity: data.capacity,
        registrationDeadline: data.registrationDeadline,
        status: data.status,
        slots: {
          create: data.slots.map((slot) => ({
            startsAt: slot.startsAt,
            endsAt: slot.endsAt,
            halfDay: slot.halfDay,
            roomId: slot.roomId,
            checkInCode: generateCheckInCode(),
            trainers: { create: slot.trainerIds.map((userId) => ({ userId })) },
          })),
        },
      },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "session.scheduled",
        entityType: "TrainingSession",
        entityId: session.id,
        institutionId: site.institutionId,
        data: { siteId: site.id, courseVersionId: version.id, capacity: data.capacity, slots: data.slots.length },
      },
    });
    return session;
  });
}
