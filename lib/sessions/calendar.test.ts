import { describe, expect, it } from "vitest";
import { db } from "../db";
import { calendarRange, listCalendarSlots } from "./list-calendar-slots";
import { calendarToken, userIdFromCalendarToken } from "./calendar-token";
import { getSiteIcalFeed, getUserIcalFeed } from "./get-ical-feed";
import { createOpenSession, createSiteWithStaff, createAgents } from "./session-fixtures";
import { registerForSession } from "./register-for-session";

describe("calendars and iCal feeds", () => {
  it("week ranges start on Monday; month ranges on the 1st", () => {
    const week = calendarRange("week", "2027-01-14");
    expect(week.start.toISOString().slice(0, 10)).toBe("2027-01-11");
    expect(week.next).toBe("2027-01-18");
    expect(calendarRange("month", "2027-02-20").start.toISOString().slice(0, 10)).toBe("2027-02-01");
    expect(() => calendarRange("week", "2027-99-99")).toThrow();
  });

  it("a feed token designates its user; a forged or altered one designates nobody", () => {
    const token = calendarToken("user-1");
    expect(userIdFromCalendarToken(token)).toBe("user-1");
    expect(userIdFromCalendarToken(`${token}.ics`)).toBe("user-1");
    expect(userIdFromCalendarToken(token.replace("user-1", "user-2"))).toBeNull();
    expect(userIdFromCalendarToken("user-1.forged")).toBeNull();
    expect(userIdFromCalendarToken("")).toBeNull();
  });

  it("the trainer's and the registered agent's feeds list the half-days; the site feed names no one", async () => {
    const context = await createSiteWithStaff();
    const session = await createOpenSession(context, 2);
    const [agent] = await createAgents(context.institution.id, 1);
    await registerForSession(agent!, { sessionId: session.id });
    // Feeds cover the coming year: bring the session (and its deadline) into it.
    const shift = session.slots[0]!.startsAt.getTime() - (Date.now() + 30 * 86_400_000);
    for (const slot of session.slots) await db.sessionSlot.update({ where: { id: slot.id }, data: { startsAt: new Date(slot.startsAt.getTime() - shift), endsAt: new Date(slot.endsAt.getTime() - shift) } });
    const trainerFeed = await getUserIcalFeed(context.trainer.userId);
    expect(trainerFeed).toContain("BEGIN:VCALENDAR");
    expect(trainerFeed).toContain(`UID:${session.slots[0]!.id}@relais`);
    expect(await getUserIcalFeed(agent!.userId)).toContain(`UID:${session.slots[1]!.id}@relais`);
    const siteFeed = (await getSiteIcalFeed(context.site.id))!;
    expect(siteFeed).toContain("SUMMARY:Accueillir le public");
    expect(siteFeed).not.toContain(agent!.name);
    expect(await getSiteIcalFeed("missing")).toBeNull();
  });

  it("a trainer's calendar is readable by themselves and refused to another agent", async () => {
    const context = await createSiteWithStaff();
    const session = await createOpenSession(context, 2);
    const [agent] = await createAgents(context.institution.id, 1);
    const range = { start: new Date(session.slots[0]!.startsAt.getTime() - 86_400_000), end: new Date(session.slots[0]!.startsAt.getTime() + 86_400_000) };
    expect(await listCalendarSlots(context.trainer, { trainerId: context.trainer.userId, ...range })).toHaveLength(2);
    await expect(listCalendarSlots(agent!, { trainerId: context.trainer.userId, ...range })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
