import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";

/**
 * The actor's own enrolments, newest first, with the version they follow, where each leads (the
 * player, or the course page when the course has no online part or is awaiting approval) and the
 * certificate to download once one exists.
 */
export async function listMyTrainings(actor: TActor) {
  const rows = await db.enrolment.findMany({
    where: { userId: actor.userId },
    orderBy: { enrolledAt: "desc" },
    select: {
      id: true,
      status: true,
      progressPercent: true,
      completedAt: true,
      course: { select: { slug: true, modality: true } },
      courseVersion: {
        select: {
          title: true,
          titleEn: true,
          declaredDurationMinutes: true,
          modules: { select: { _count: { select: { activities: true } } } },
        },
      },
      certificates: { where: { revokedAt: null }, orderBy: { issuedAt: "desc" }, take: 1, select: { id: true } },
    },
  });
  return rows.map(({ certificates, courseVersion: { modules, ...version }, ...row }) => {
    const hasOnlinePart = modules.some((module) => module._count.activities > 0);
    const isFollowable = row.status === "ACTIVE" || row.status === "COMPLETED";
    return {
      ...row,
      courseVersion: version,
      href: hasOnlinePart && isFollowable ? `/player/${row.id}` : `/courses/${encodeURIComponent(row.course.slug)}`,
      certificateHref: certificates[0] ? `/api/certificates/${certificates[0].id}` : null,
    };
  });
}
