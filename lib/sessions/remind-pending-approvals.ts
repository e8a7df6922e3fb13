import "server-only";
import { db } from "../db";
import { notifyUsers } from "../notifications/notify-users";
import { slotDateParams } from "../time/format-slot-range";
import { findApproverIds } from "./approvers";

const DAY = 24 * 3600_000;

/**
 * Run by a job: a request that has waited at its step for the agent's institution's reminder delay
 * (approvalReminderDays) — or that long since its last reminder — is recalled to the step's
 * approvers (the deputy of an absent manager). Each reminder claims its row with a conditional
 * update, so two workers never remind twice. Returns how many requests were recalled.
 */
export async function remindPendingApprovals(now = new Date(), options: { batch?: number } = {}): Promise<number> {
  const due = await db.$queryRaw<{ id: string; remindedAt: Date | null; days: number }[]>`
    SELECT r.id, r."approvalRemindedAt" AS "remindedAt", i."approvalReminderDays" AS days
    FROM "Registration" r
    JOIN "User" u ON u.id = r."userId"
    JOIN "Institution" i ON i.id = u."institutionId"
    WHERE r.status = 'PENDING_APPROVAL' AND r."approvalStepSince" IS NOT NULL AND i."approvalReminderDays" > 0
      AND COALESCE(r."approvalRemindedAt", r."approvalStepSince") <= ${now}::timestamp - make_interval(days => i."approvalReminderDays")
    ORDER BY r."approvalStepSince"
    LIMIT ${options.batch ?? 500}`;
  let count = 0;
  for (const row of due) {
    count += await db.$transaction(async (tx) => {
      const claimed = await tx.registration.updateMany({
        where: { id: row.id, status: "PENDING_APPROVAL", approvalRemindedAt: row.remindedAt },
        data: { approvalRemindedAt: now },
      });
      if (claimed.count === 0) return 0; // decided, withdrawn or reminded by another worker meanwhile
      const registration = await tx.registration.findUniqueOrThrow({
        where: { id: row.id },
        select: {
          approvalStep: true,
          approvalStepSince: true,
          sessionId: true,
          user: {
            select: {
              name: true,
              managerId: true,
              institutionId: true,
              manager: { select: { absentUntil: true, deputyId: true } },
            },
          },
          session: {
            select: {
              courseVersion: { select: { title: true } },
              site: { select: { name: true, institution: { select: { timeZone: true } } } },
              slots: { orderBy: { startsAt: "asc" }, take: 1, select: { startsAt: true, endsAt: true } },
            },
          },
        },
      });
      const approverIds = await findApproverIds(tx, registration.user, {
        step: registration.approvalStep ?? "MANAGER",
        now,
      });
      const waited = Math.floor((now.getTime() - (registration.approvalStepSince ?? now).getTime()) / DAY);
      await notifyUsers(tx, {
        userIds: approverIds,
        kind: "approvalReminder",
        link: "/approvals",
        params: {
          sessionId: registration.sessionId,
          course: registration.session.courseVersion.title,
          site: registration.session.site.name,
          agent: registration.user.name,
          days: String(waited),
          ...slotDateParams(registration.session.slots[0], registration.session.site.institution?.timeZone),
        },
      });
      await tx.auditLog.create({
        data: {
          action: "registration.approvalReminded",
          entityType: "Registration",
          entityId: row.id,
          institutionId: registration.user.institutionId,
          data: { step: registration.approvalStep, approverIds, days: waited },
        },
      });
      return 1;
    });
  }
  return count;
}
