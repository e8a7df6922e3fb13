import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { localizeAppError } from "./localize-app-error";
import { createTranslator } from "../i18n/translate";
import { db } from "../db";
import { createUserWithRoles } from "../../testing/fixtures";
import { scheduleSession } from "./schedule-session";
import { rescheduleSession } from "./reschedule-session";
import { cancelSession } from "./cancel-session";
import { afternoonOf, createSiteWithStaff, futureDay, morningOf } from "../../testing/session-fixtures";

const DAY = 24 * 3600_000;

function input(
  context: Awaited<ReturnType<typeof createSiteWithStaff>>,
  day: Date,
  overrides: Partial<Parameters<typeof scheduleSession>[1]> = {},
) {
  return {
    courseVersionId: context.version.id,
    siteId: context.site.id,
    capacity: 8,
    registrationDeadline: new Date(day.getTime() - 2 * DAY),
    slots: [
      morningOf(day, context.roomA.id, [context.trainer.userId]),
      afternoonOf(day, context.roomA.id, [context.trainer.userId]),
    ],
    ...overrides,
  };
}

describe("scheduling sessions (real database)", () => {
  it("a coordinator schedules a session with two half-days, each with a check-in code, and an audit row", async () => {
    const context = await createSiteWithStaff();
    const day = futureDay();
    const { id } = await scheduleSession(context.coordinator, input(context, day));
    const session = await db.trainingSession.findUniqueOrThrow({
      where: { id },
      include: { slots: { include: { trainers: true } } },
    });
    expect(session).toMatchObject({ status: "OPEN", capacity: 8 });
    expect(session.slots).toHaveLength(2);
    expect(session.slots.every((slot) => slot.checkInCode && slot.trainers.length === 1)).toBe(true);
    expect(await db.auditLog.count({ where: { entityId: id, action: "session.scheduled" } })).toBe(1);
  });

  it("a room booked by another session at an overlapping time is refused, naming the room and the session", async () => {
    const context = await createSiteWithStaff();
    const otherTrainer = await createUserWithRoles({
      institutionId: context.institution.id,
      roles: [{ role: "TRAINER", institutionId: context.institution.id }],
    });
    const day = futureDay();
    await scheduleSession(context.coordinator, input(context, day));
    const overlapping = {
      ...morningOf(day, context.roomA.id, [otherTrainer.userId]),
      startsAt: new Date(day.getTime() + 10 * 3600_000),
      endsAt: new Date(day.getTime() + 13 * 3600_000),
    };
    const refusal = await scheduleSession(context.coordinator, input(context, day, { slots: [overlapping] })).catch(
      (error: unknown) => error,
    );
    expect(refusal).toMatchObject({
      code: "CONFLICT",
      userMessage: expect.stringMatching(/Room "Salle A" is already booked by "Accueillir le public"/),
    });
    // Forms show it in the coordinator's language.
    expect(localizeAppError(refusal, createTranslator("fr"))).toMatchObject({
      code: "CONFLICT",
      userMessage: expect.stringMatching(/^La salle « Salle A » est déjà réservée pour « Accueillir le public » \(\d/),
    });
    expect(localizeAppError(refusal, createTranslator("en"))).toMatchObject({
      userMessage: expect.stringMatching(/^Room "Salle A" is already booked by "Accueillir le public" \(\d/),
    });
  });

  it("a trainer teaching elsewhere at the same time is refused, naming the trainer", async () => {
    const context = await createSiteWithStaff();
    const day = futureDay();
    await scheduleSession(context.coordinator, input(context, day));
    const sameTrainerOtherRoom = morningOf(day, context.roomB.id, [context.trainer.userId]);
    const refusal = await scheduleSession(
      context.coordinator,
      input(context, day, { slots: [sameTrainerOtherRoom] }),
    ).catch((error: unknown) => error);
    expect(refusal).toMatchObject({
      code: "CONFLICT",
      userMessage: expect.stringContaining(`Trainer ${context.trainer.name} is already teaching`),
    });
    expect(localizeAppError(refusal, createTranslator("fr"))).toMatchObject({
      userMessage: expect.stringContaining(`${context.trainer.name} anime déjà « Accueillir le public »`),
    });
    // Errors without a message key pass through unchanged.
    const plain = new AppError("NOT_FOUND", "nope");
    expect(localizeAppError(plain, createTranslator("fr"))).toBe(plain);
  });

  it("back-to-back slots do not clash, and a cancelled session frees its room", async () => {
    const context = await createSiteWithStaff();
    const day = futureDay();
    const first = await scheduleSession(
      context.coordinator,
      input(context, day, { slots: [morningOf(day, context.roomA.id, [context.trainer.userId])] }),
    );
    const touching = {
      ...afternoonOf(day, context.roomA.id, [context.trainer.userId]),
      startsAt: new Date(day.getTime() + 11.5 * 3600_000),
    };
    await expect(
      scheduleSession(context.coordinator, input(context, day, { slots: [touching] })),
    ).resolves.toBeTruthy();
    await cancelSession(context.coordinator, { sessionId: first.id, reason: "Formateur malade" });
    await expect(
      scheduleSession(
        context.coordinator,
        input(context, day, { slots: [morningOf(day, context.roomA.id, [context.trainer.userId])] }),
      ),
    ).resolves.toBeTruthy();
  });

  it("a capacity above the room's is refused, naming the room", async () => {
    const context = await createSiteWithStaff({ roomCapacity: 6 });
    await expect(
      scheduleSession(context.coordinator, input(context, futureDay(), { capacity: 7 })),
    ).rejects.toMatchObject({
      code: "INVALID",
      userMessage: expect.stringContaining('room "Salle A" holds (6)'),
    });
  });

  it("bad inputs are refused with the field named", async () => {
    const context = await createSiteWithStaff();
    const day = futureDay();
    const backwards = {
      ...morningOf(day, context.roomA.id, [context.trainer.userId]),
      endsAt: new Date(day.getTime() + 7 * 3600_000),
    };
    await expect(
      scheduleSession(context.coordinator, input(context, day, { slots: [backwards] })),
    ).rejects.toMatchObject({ code: "INVALID", userMessage: expect.stringContaining("slots.0.endsAt") });
    await expect(scheduleSession(context.coordinator, input(context, day, { slots: [] }))).rejects.toMatchObject({
      code: "INVALID",
      userMessage: expect.stringContaining("slots"),
    });
    await expect(scheduleSession(context.coordinator, input(context, day, { capacity: 0 }))).rejects.toMatchObject({
      code: "INVALID",
      userMessage: expect.stringContaining("capacity"),
    });
    await expect(
      scheduleSession(
        context.coordinator,
        input(context, day, { registrationDeadline: new Date(day.getTime() + 9 * 3600_000) }),
      ),
    ).rejects.toMatchObject({
      code: "INVALID",
      details: expect.objectContaining({ messageKey: "errors.sessions.deadlineAfterStart" }),
    });
    const notATrainer = morningOf(day, context.roomA.id, [context.coordinator.userId]);
    await expect(
      scheduleSession(context.coordinator, input(context, day, { slots: [notATrainer] })),
    ).rejects.toMatchObject({
      code: "INVALID",
      details: expect.objectContaining({ messageKey: "errors.sessions.notATrainer" }),
    });
  });

  it("another site's coordinator cannot schedule here, nor use a room of another site", async () => {
    const context = await createSiteWithStaff();
    const other = await createSiteWithStaff();
    await expect(scheduleSession(other.coordinator, input(context, futureDay()))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const day = futureDay();
    await expect(
      scheduleSession(
        context.coordinator,
        input(context, day, { slots: [morningOf(day, other.roomA.id, [context.trainer.userId])] }),
      ),
    ).rejects.toMatchObject({ code: "INVALID" });
  });

  it("two concurrent bookings of the same room at the same time: exactly one succeeds", async () => {
    const context = await createSiteWithStaff();
    const otherTrainer = await createUserWithRoles({
      institutionId: context.institution.id,
      roles: [{ role: "TRAINER", institutionId: context.institution.id }],
    });
    const day = futureDay();
    const results = await Promise.allSettled([
      scheduleSession(
        context.coordinator,
        input(context, day, { slots: [morningOf(day, context.roomA.id, [context.trainer.userId])] }),
      ),
      scheduleSession(
        context.coordinator,
        input(context, day, { slots: [morningOf(day, context.roomA.id, [otherTrainer.userId])] }),
      ),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect(await db.sessionSlot.count({ where: { roomId: context.roomA.id } })).toBe(1);
  });

  it("moving a session checks clashes against others (not itself) and tells the registered agents", async () => {
    const context = await createSiteWithStaff();
    const day = futureDay();
    const session = await scheduleSession(context.coordinator, input(context, day));
    const agent = await createUserWithRoles({
      institutionId: context.institution.id,
      roles: [{ role: "AGENT", institutionId: context.institution.id }],
    });
    await db.registration.create({ data: { sessionId: session.id, userId: agent.userId, status: "CONFIRMED" } });
    const later = new Date(day.getTime() + 7 * DAY);
    await rescheduleSession(context.coordinator, {
      sessionId: session.id,
      capacity: 8,
      registrationDeadline: day,
      slots: [morningOf(later, context.roomA.id, [context.trainer.userId])],
    });
    const slots = await db.sessionSlot.findMany({ where: { sessionId: session.id } });
    expect(slots.map((slot) => slot.startsAt.getTime())).toEqual([later.getTime() + 8 * 3600_000]);
    expect(await db.notification.count({ where: { userId: agent.userId, kind: "sessionChanged" } })).toBe(1);
    await expect(
      rescheduleSession(context.coordinator, {
        sessionId: session.id,
        capacity: 11,
        registrationDeadline: day,
        slots: [morningOf(later, context.roomA.id, [context.trainer.userId])],
      }),
    ).rejects.toMatchObject({ code: "INVALID" });
  });

  it("cancelling tells the registered agents and is idempotent", async () => {
    const context = await createSiteWithStaff();
    const session = await scheduleSession(context.coordinator, input(context, futureDay()));
    const agent = await createUserWithRoles({
      institutionId: context.institution.id,
      roles: [{ role: "AGENT", institutionId: context.institution.id }],
    });
    await db.registration.create({ data: { sessionId: session.id, userId: agent.userId, status: "CONFIRMED" } });
    await cancelSession(context.coordinator, { sessionId: session.id, reason: "Travaux" });
    await cancelSession(context.coordinator, { sessionId: session.id, reason: "Travaux" });
    expect(await db.registration.findFirstOrThrow({ where: { sessionId: session.id } })).toMatchObject({
      status: "CANCELLED",
    });
    expect(await db.notification.count({ where: { userId: agent.userId, kind: "sessionCancelled" } })).toBe(1);
    const other = await createSiteWithStaff();
    await expect(cancelSession(other.coordinator, { sessionId: session.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
