import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { AppError } from "../errors/app-error";
import { courseWhereForActor, LATEST_PUBLISHED_VERSION } from "../catalog/course-where";

/**
 * A course as a learner sees it: its latest published version, upcoming sessions and the actor's
 * own enrolment. A course the actor may not see (another institution's, or never published)
 * answers NOT_FOUND, so its existence does not leak.
 */
export async function getCoursePage(actor: TActor, slug: string, now = new Date()) {
  assertCan(actor, "catalog.browse");
  const course = await db.course.findFirst({
    where: { AND: [{ slug }, courseWhereForActor(actor)] },
    select: {
      id: true,
      slug: true,
      modality: true,
      trainingType: true,
      language: true,
      requiresApproval: true,
      theme: { select: { nameFr: true, nameEn: true } },
      institution: { select: { name: true } },
      versions: {
        ...LATEST_PUBLISHED_VERSION,
        select: {
          number: true,
          title: true,
          titleEn: true,
          summary: true,
          summaryEn: true,
          objectives: true,
          objectivesEn: true,
          declaredDurationMinutes: true,
          modules: {
            orderBy: { position: "asc" },
            select: { id: true, title: true, titleEn: true, _count: { select: { activities: true } } },
          },
        },
      },
      sessions: {
        where: { status: { in: ["PLANNED", "OPEN", "FULL"] }, slots: { some: { startsAt: { gt: now } } } },
        orderBy: { registrationDeadline: "asc" },
        take: 10,
        select: {
          id: true,
          status: true,
          site: { select: { name: true, city: true } },
          slots: { orderBy: { startsAt: "asc" }, take: 1, select: { startsAt: true } },
        },
      },
      enrolments: {
        where: { userId: actor.userId },
        select: {
          id: true,
          status: true,
          progressPercent: true,
          certificates: { where: { revokedAt: null }, orderBy: { issuedAt: "desc" }, take: 1, select: { id: true } },
        },
      },
    },
  });
  const version = course?.versions[0];
  if (!course || !version) throw new AppError("NOT_FOUND", "This course does not exist or is not open to you.");
  const enrolment = course.enrolments[0] ?? null;
  // A course without online activity has no player: its page leads to its sessions.
  const hasOnlinePart = version.modules.some((module) => module._count.activities > 0);
  const isFollowable = enrolment?.status === "ACTIVE" || enrolment?.status === "COMPLETED";
  const certificate = enrolment?.certificates[0] ?? null;
  return {
    id: course.id,
    hasOnlinePart,
    canOpenPlayer: hasOnlinePart && isFollowable,
    canEnrol: !isFollowable && enrolment?.status !== "PENDING_APPROVAL",
    playerHref: enrolment && hasOnlinePart && isFollowable ? `/player/${enrolment.id}` : null,
    certificateHref: certificate ? `/api/certificates/${certificate.id}` : null,
    slug: course.slug,
    modality: course.modality,
    trainingType: course.trainingType,
    language: course.language,
    requiresApproval: course.requiresApproval,
    theme: course.theme,
    institution: course.institution,
    sessions: course.sessions,
    version,
    enrolment: enrolment && { id: enrolment.id, status: enrolment.status, progressPercent: enrolment.progressPercent },
  };
}
