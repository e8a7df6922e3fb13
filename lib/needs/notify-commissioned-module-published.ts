import "server-only";
import type { TTransaction } from "../db";
import { notifyUsers } from "../notifications/notify-users";

/**
 * When a commissioned national module is published for the first time, the agents whose needs it
 * answers hear that they can now follow it (they were told when it was commissioned, "once
 * published"). Later versions of the course do not notify again. Inside the publication's
 * transaction: a refused publication notifies nobody.
 */
export async function notifyCommissionedModulePublished(tx: TTransaction, options: { courseId: string }) {
  const commission = await tx.moduleCommission.findUnique({
    where: { courseId: options.courseId },
    select: {
      institution: { select: { name: true } },
      course: {
        select: {
          slug: true,
          versions: { where: { status: { in: ["PUBLISHED", "ARCHIVED"] } }, select: { title: true, status: true } },
        },
      },
      needs: { where: { withdrawnAt: null }, select: { userId: true } },
    },
  });
  if (!commission || commission.course.versions.length !== 1) return;
  await notifyUsers(tx, {
    userIds: [...new Set(commission.needs.map((need) => need.userId))],
    kind: "commissionedModulePublished",
    link: `/courses/${commission.course.slug}`,
    params: { course: commission.course.versions[0]!.title, institution: commission.institution.name },
  });
}
