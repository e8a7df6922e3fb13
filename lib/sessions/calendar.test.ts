import { describe, expect, it } from "vitest";
import { db } from "../db";
import { GET as getSiteFeedRoute } from "@/app/api/calendar/sites/[siteId]/route";
import { calendarRange, listCalendarSlots } from "./list-calendar-slots";
import { calendarToken, userIdFromCalendarToken } from "./calendar-token";
import { getSiteIcalFeed, getUserIcalFeed } from "./get-ical-feed";
import { createOpenSession, createSiteWithStaff, createAgents } from "../../testing/session-fixtures";
import { registerForSession } from "./register-for-session";
import { buildIcal } from "../time/build-ical";
import { zonedTimeToUtc } from "./half-day";
import { createUserWithRoles } from "../../testing/fixtures";

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
    for (const slot of session.slots)
      await db.sessionSlot.update({
        where: { id: slot.id },
        data: { startsAt: new Date(slot.startsAt.getTime() - shift), endsAt: new Date(slot.endsAt.getTime() - shift) },
      });
    const trainerFeed = await getUserIcalFeed(context.trainer.userId);
    expect(trainerFeed).toContain("BEGIN:VCALENDAR");
    expect(trainerFeed).toContain(`UID:${session.slots[0]!.id}@relais`);
    expect(await getUserIcalFeed(agent!.userId)).toContain(`UID:${session.slots[1]!.id}@relais`);
    const siteFeed = (await getSiteIcalFeed(context.site.id))!;
    expect(siteFeed).toContain("SUMMARY:Accueillir le public");
    expect(siteFeed).not.toContain(agent!.name);
    expect(await getSiteIcalFeed("missing")).toBeNull();
  });

  it("a site's public feed lists only what an anonymous visitor may see: no session of an institution-only course", async () => {
    const context = await createSiteWithStaff();
    const internal = await createOpenSession(context, 2);
    // Feeds cover the coming year: bring the session into it.
    const shift = internal.slots[0]!.startsAt.getTime() - (Date.now() + 30 * 86_400_000);
    for (const slot of internal.slots)
      await db.sessionSlot.update({
        where: { id: slot.id },
        data: { startsAt: new Date(slot.startsAt.getTime() - shift), endsAt: new Date(slot.endsAt.getTime() - shift) },
      });
    await db.course.update({ where: { id: context.course.id }, data: { visibility: "INSTITUTION" } });
    await db.courseVersion.update({ where: { id: context.version.id }, data: { title: "Cours interne" } });
    const feedUrl = `http://localhost/api/calendar/sites/${context.site.id}.ics`;
    const internalFeed = await (
      await getSiteFeedRoute(new Request(feedUrl), { params: Promise.resolve({ siteId: `${context.site.id}.ics` }) })
    ).text();
    expect(internalFeed).toContain("BEGIN:VCALENDAR");
    expect(internalFeed).not.toContain(internal.slots[0]!.id);
    expect(internalFeed).not.toContain("Cours interne");
    // The same session once its course joins the national catalogue: listed.
    await db.course.update({ where: { id: context.course.id }, data: { visibility: "NATIONAL" } });
    expect(await getSiteIcalFeed(context.site.id)).toContain(`UID:${internal.slots[0]!.id}@relais`);
    // A national course with no published version is not public either.
    await db.courseVersion.update({ where: { id: context.version.id }, data: { status: "DRAFT" } });
    expect(await getSiteIcalFeed(context.site.id)).not.toContain(internal.slots[0]!.id);
  });

  it("a trainer's calendar is readable by themselves and refused to another agent", async () => {
    const context = await createSiteWithStaff();
    const session = await createOpenSession(context, 2);
    const [agent] = await createAgents(context.institution.id, 1);
    const range = {
      start: new Date(session.slots[0]!.startsAt.getTime() - 86_400_000),
      end: new Date(session.slots[0]!.startsAt.getTime() + 86_400_000),
    };
    expect(
      (await listCalendarSlots(context.trainer, { trainerId: context.trainer.userId, ...range })).slots,
    ).toHaveLength(2);
    await expect(listCalendarSlots(agent!, { trainerId: context.trainer.userId, ...range })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("a coordinator sees a trainer's half-days at their own site only; an officer or another institution's trainer sees none", async () => {
    const here = await createSiteWithStaff();
    const elsewhere = await createSiteWithStaff();
    const local = await createOpenSession(here, 2);
    const away = await createOpenSession(elsewhere, 2);
    // The same trainer also teaches at the other site.
    for (const slot of away.slots)
      await db.slotTrainer.create({ data: { slotId: slot.id, userId: here.trainer.userId } });
    const range = { start: new Date(Date.UTC(2030, 0, 1)), end: new Date(Date.UTC(2040, 0, 1)) };
    const ids = async (actor: typeof here.trainer) =>
      (await listCalendarSlots(actor, { trainerId: here.trainer.userId, ...range })).slots
        .map((slot) => slot.id)
        .sort();
    expect(await ids(here.trainer)).toEqual([...local.slots, ...away.slots].map((slot) => slot.id).sort());
    expect(await ids(here.coordinator)).toEqual(local.slots.map((slot) => slot.id).sort());
    expect(await ids(elsewhere.coordinator)).toEqual(away.slots.map((slot) => slot.id).sort());
    const officer = await createUserWithRoles({
      institutionId: here.institution.id,
      roles: [{ role: "TRAINING_OFFICER", institutionId: here.institution.id }],
    });
    await expect(listCalendarSlots(officer, { trainerId: here.trainer.userId, ...range })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      listCalendarSlots(elsewhere.trainer, { trainerId: here.trainer.userId, ...range }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listCalendarSlots(here.coordinator, { trainerId: "missing", ...range })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("calendars follow the institution's time zone: local days bound the range, iCal instants are exact (UTC) with the zone named", async () => {
    const context = await createSiteWithStaff();
    await db.institution.update({ where: { id: context.institution.id }, data: { timeZone: "Pacific/Noumea" } });
    const session = await createOpenSession(context, 2);
    // 09:00 in Nouméa (UTC+11) is 22:00 UTC the day before: the slot belongs to the local day.
    const localDay = "2033-05-10";
    const startsAt = zonedTimeToUtc(localDay, "09:00", "Pacific/Noumea");
    expect(startsAt.toISOString()).toBe("2033-05-09T22:00:00.000Z");
    await db.sessionSlot.update({
      where: { id: session.slots[0]!.id },
      data: { startsAt, endsAt: zonedTimeToUtc(localDay, "12:30", "Pacific/Noumea") },
    });
    await db.sessionSlot.update({
      where: { id: session.slots[1]!.id },
      data: { startsAt: new Date(Date.UTC(2033, 5, 1)), endsAt: new Date(Date.UTC(2033, 5, 1, 3)) },
    });
    const week = calendarRange("week", localDay);
    const listed = await listCalendarSlots(context.trainer, { siteId: context.site.id, ...week });
    expect(listed.timeZone).toBe("Pacific/Noumea");
    expect(listed.slots.map((slot) => slot.id)).toEqual([session.slots[0]!.id]);
    const ics = buildIcal({
      name: "x",
      timeZone: "Pacific/Noumea",
      slots: [
        {
          id: "s1",
          startsAt,
          endsAt: new Date(startsAt.getTime() + 3.5 * 3600_000),
          title: "T",
          location: "L",
          room: "R",
          isCancelled: false,
        },
      ],
    });
    expect(ics).toContain("DTSTART:20330509T220000Z");
    expect(ics).toContain("X-WR-TIMEZONE:Pacific/Noumea");
  });
});
