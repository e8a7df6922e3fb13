import "server-only";
import { db } from "../db";
import { AppError } from "../errors/app-error";

export async function getSlotOrThrow(slotId: string) {
  const slot = await db.sessionSlot.findUnique({
    where: { id: slotId },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      halfDay: true,
      checkInCode: true,
      sessionId: true,
      room: { select: { name: true } },
      trainers: { select: { user: { select: { id: true, name: true } } } },
      session: {
        select: {
          id: true,
          siteId: true,
          status: true,
          courseId: true,
          course: { select: { institutionId: true, slug: true } },
          courseVersion: { select: { title: true, titleEn: true } },
          site: { select: { name: true, institution: { select: { timeZone: true } } } },
        },
      },
    },
  });
  if (!slot) throw new AppError("NOT_FOUND", "This half-day does not exist.");
  return slot;
}
