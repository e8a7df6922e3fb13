import "server-only";
import { db } from "../db";
import { can, type TActor } from "../auth/permissions";
import { AppError } from "../errors/app-error";
import { courseWhereForActor } from "../catalog/course-where";
import { sessionResource, SEAT_HOLDING_STATUSES } from "./session-access";
import { decideSessionActions, isActiveRegistration } from "./session-actions";

/**
 * A session as the actor may see it: everyone sees the programme; staff also see registrations and
 * codes. It also says what the viewer may do next (canRegister, canCancel, canAccept, canMove...):
 * the page shows those buttons and derives nothing itself.
 */
export async function getSessionDetail(actor: TActor, sessionId: string, options: { now?: Date } = {}) {
  const session = await db.trainingSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      status: true,
      capacity: true,
      registrationDeadline: true,
      priorityUntil: true,
      siteId: true,
      courseId: true,
      course: {
        select: {
          institutionId: true,
          modality: true,
          requiresApproval: true,
          requiresOnlineBeforeSession: true,
          slug: true,
        },
      },
      courseVersion: { select: { title: true, titleEn: true, objectives: true, objectivesEn: true } },
      site: {
        select: {
          id: true,
          name: true,
          address: true,
          postalCode: true,
          city: true,
          accessibility: true,
          institution: { select: { timeZone: true } },
        },
      },
      slots: {
        orderBy: { startsAt: "asc" },
        select: {
          id: true,
          startsAt: true,
          endsAt: true,
          halfDay: true,
          checkInCode: true,
          room: { select: { name: true, accessibilityFeatures: true } },
          trainers: { select: { user: { select: { id: true, name: true } } } },
        },
      },
    },
  });
  if (!session) throw new AppError("NOT_FOUND", "This session does not exist.");
  const resource = sessionResource(session);
  const canManage = can(actor, "registration.manage", resource);
  const canSchedule = can(actor, "session.schedule", resource);
  const canRecord = can(actor, "attendance.record", resource);
  const isVisibleCourse =
    (await db.course.count({ where: { id: session.courseId, ...courseWhereForActor(actor) } })) > 0;
  if (!isVisibleCourse && !canManage && !canRecord) throw new AppError("NOT_FOUND", "This session does not exist.");
  const now = options.now ?? new Date();
  const isPriorityWindow = session.priorityUntil !== null && now < session.priorityUntil;
  const [mine, taken, registrations, attendedSlots, attendanceCount, answeredNeeds] = await Promise.all([
    db.registration.findUnique({
      where: { sessionId_userId: { sessionId, userId: actor.userId } },
      select: { id: true, status: true, offerExpiresAt: true },
    }),
    db.registration.count({ where: { sessionId, status: { in: [...SEAT_HOLDING_STATUSES] } } }),
    canManage || canRecord
      ? db.registration.findMany({
          where: { sessionId },
          orderBy: [{ status: "asc" }, { createdAt: "asc" }],
          select: { id: true, status: true, user: { select: { id: true, name: true } }, waitlistedAt: true },
        })
      : Promise.resolve([]),
    db.attendance.count({ where: { userId: actor.userId, isPresent: true, slot: { sessionId } } }),
    canSchedule ? db.attendance.count({ where: { slot: { sessionId } } }) : Promise.resolve(0),
    // The same rule as register-for-session's priority check (priority-window.ts), said in advance.
    isPriorityWindow
      ? db.trainingNeed.count({ where: { answeredBySessionId: sessionId, userId: actor.userId, withdrawnAt: null } })
      : Promise.resolve(0),
  ]);
  const actions = decideSessionActions({
    session,
    mine,
    mayRegister: can(actor, "session.register"),
    maySchedule: canSchedule,
    hasAttendance: attendanceCount > 0,
    priority: { until: session.priorityUntil, isPrioritized: answeredNeeds > 0 },
    now,
  });
  return {
    session: {
      ...session,
      slots: session.slots.map((slot) => ({ ...slot, checkInCode: canRecord ? slot.checkInCode : null })),
    },
    mine,
    taken,
    registrations: registrations.map((registration) => ({
      ...registration,
      canCancel: canManage && isActiveRegistration(registration.status) && session.status !== "DONE",
    })),
    hasAttended: attendedSlots > 0,
    ...actions,
    canManage,
    canSchedule,
    canRecord,
  };
}
