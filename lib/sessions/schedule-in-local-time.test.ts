import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createSiteWithStaff, futureDay } from "../../testing/session-fixtures";
import { halfDayBounds, zonedTimeToUtc } from "./half-day";
import { scheduleSessionInLocalTime } from "./schedule-in-local-time";

describe("scheduling from the form's local dates (real database)", () => {
  it("converts the half-days and the deadline in the site's time zone; another site's coordinator is refused first", async () => {
    const context = await createSiteWithStaff();
    const other = await createSiteWithStaff();
    const day = futureDay();
    const date = day.toISOString().slice(0, 10);
    const deadline = new Date(day.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
    const input = {
      siteId: context.site.id,
      courseVersionId: context.version.id,
      capacity: "8",
      registrationDeadline: deadline,
      slots: [{ date, halfDay: "AFTERNOON" as const, roomId: context.roomA.id, trainerIds: [context.trainer.userId] }],
    };
    await expect(scheduleSessionInLocalTime(other.coordinator, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      scheduleSessionInLocalTime(context.coordinator, { ...input, registrationDeadline: "next week" }),
    ).rejects.toMatchObject({ code: "INVALID", userMessage: "registrationDeadline: choose a date (yyyy-mm-dd)" });

    const created = await scheduleSessionInLocalTime(context.coordinator, input);
    const session = await db.trainingSession.findUniqueOrThrow({
      where: { id: created.id },
      select: { capacity: true, registrationDeadline: true, slots: { select: { startsAt: true, endsAt: true } } },
    });
    const timeZone = "Europe/Paris"; // createSiteWithStaff's institution keeps the default zone
    expect(session.capacity).toBe(8);
    expect(session.registrationDeadline).toEqual(zonedTimeToUtc(deadline, "23:59", timeZone));
    expect(session.slots).toEqual([halfDayBounds({ date, halfDay: "AFTERNOON", timeZone })]);
  });
});
