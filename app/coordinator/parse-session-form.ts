import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { halfDayBounds, zonedTimeToUtc } from "@/lib/sessions/half-day";
import { timeZoneOf } from "@/lib/time/time-zone";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

/** The session form gives dates and half-days in the site's local time; the domain works with instants. */
export async function parseSessionForm(formData: FormData) {
  const siteId = field(formData, "siteId");
  const site = await db.relaySite.findUnique({
    where: { id: siteId },
    select: { institution: { select: { timeZone: true } } },
  });
  if (!site) throw new AppError("NOT_FOUND", "This relay site does not exist.");
  const timeZone = timeZoneOf(site);
  const halfDays = formData.getAll("halfDay").map(String);
  const rooms = formData.getAll("roomId").map(String);
  const trainers = formData.getAll("trainerId").map(String);
  const slots = formData
    .getAll("date")
    .map(String)
    .flatMap((date, index) => {
      if (!date) return [];
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new AppError("INVALID", `date: ${date} is not a date.`);
      const halfDay = halfDays[index] === "AFTERNOON" ? ("AFTERNOON" as const) : ("MORNING" as const);
      return [
        {
          ...halfDayBounds({ date, halfDay, timeZone }),
          halfDay,
          roomId: rooms[index] ?? "",
          trainerIds: trainers[index] ? [trainers[index]] : [],
        },
      ];
    });
  const deadline = field(formData, "registrationDeadline");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(deadline)) throw new AppError("INVALID", "registrationDeadline: choose a date.");
  return {
    siteId,
    capacity: Number(field(formData, "capacity")),
    registrationDeadline: zonedTimeToUtc(deadline, "23:59", timeZone),
    slots,
  };
}
