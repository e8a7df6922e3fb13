"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { scheduleSession } from "@/lib/sessions/schedule-session";
import { cancelSession } from "@/lib/sessions/cancel-session";
import { halfDayBounds, zonedTimeToUtc } from "@/lib/sessions/half-day";
import { requestEmailDelivery } from "@/lib/jobs/boss";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

/** The form gives dates and half-days in the site's local time; the domain works with instants. */
export const scheduleSessionAction = authedAction(async (actor, formData: FormData) => {
  const siteId = field(formData, "siteId");
  const site = await db.relaySite.findUnique({ where: { id: siteId }, select: { institution: { select: { timeZone: true } } } });
  if (!site) throw new AppError("NOT_FOUND", "This relay site does not exist.");
  const timeZone = site.institution?.timeZone ?? "Europe/Paris";
  const dates = formData.getAll("date").map(String);
  const halfDays = formData.getAll("halfDay").map(String);
  const rooms = formData.getAll("roomId").map(String);
  const trainers = formData.getAll("trainerId").map(String);
  const slots = dates.flatMap((date, index) => {
    if (!date) return [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new AppError("INVALID", `date: ${date} is not a date.`);
    const halfDay = halfDays[index] === "AFTERNOON" ? "AFTERNOON" : "MORNING";
    return [{ ...halfDayBounds({ date, halfDay, timeZone }), halfDay, roomId: rooms[index] ?? "", trainerIds: trainers[index] ? [trainers[index]] : [] }] as const;
  });
  const deadline = field(formData, "registrationDeadline");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(deadline)) throw new AppError("INVALID", "registrationDeadline: choose a date.");
  await scheduleSession(actor, {
    siteId, courseVersionId: field(formData, "courseVersionId"), capacity: Number(field(formData, "capacity")),
    registrationDeadline: zonedTimeToUtc(deadline, "23:59", timeZone), status: "OPEN", slots: slots.map((slot) => ({ ...slot })),
  });
  revalidatePath("/coordinator");
});

export const cancelSessionAction = authedAction(async (actor, formData: FormData) => {
  await cancelSession(actor, { sessionId: field(formData, "sessionId"), reason: field(formData, "reason") });
  void requestEmailDelivery();
  revalidatePath("/coordinator", "layout");
});
