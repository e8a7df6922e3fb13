import "server-only";
import { z } from "zod";
import { db } from "../db";
import { can, type TActor } from "../auth/permissions";
import { AppError } from "../errors/app-error";
import { issueCertificate } from "../certificates/issue-certificate";
import { buildCertificatePdf } from "../certificates/build-certificate-pdf";
import { verificationUrl } from "../certificates/verify-certificate";
import { sessionResource } from "./session-access";
import type { TLocale } from "../i18n/config";

export const ZAttendanceCertificateInput = z.object({ sessionId: z.string().min(1), userId: z.string().min(1) });

function localDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone }).format(date);
}

/**
 * The attendance certificate of an agent for a session, issued on first request once at least one
 * half-day was attended (hours = attended half-days). The agent gets their own; the site's
 * coordinator anyone's of the site.
 */
export async function getAttendanceCertificate(
  actor: TActor,
  input: z.input<typeof ZAttendanceCertificateInput>,
  locale: TLocale = "fr",
) {
  const parsed = ZAttendanceCertificateInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", "sessionId: invalid");
  const { sessionId, userId } = parsed.data;
  const session = await db.trainingSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      siteId: true,
      courseId: true,
      course: {
        select: {
          institutionId: true,
          modality: true,
          trainingType: true,
          institution: { select: { name: true, timeZone: true } },
        },
      },
      courseVersion: {
        select: { title: true, objectives: true, declaredDurationMinutes: true, completionRules: true },
      },
      site: { select: { name: true, city: true } },
      slots: {
        orderBy: { startsAt: "asc" },
        select: {
          startsAt: true,
          endsAt: true,
          attendances: { where: { userId, isPresent: true }, select: { id: true } },
        },
      },
    },
  });
  const isOwn = userId === actor.userId;
  if (!session || (!isOwn && !can(actor, "registration.manage", sessionResource(session))))
    throw new AppError("NOT_FOUND", "This certificate does not exist.");
  const attended = session.slots.filter((slot) => slot.attendances.length > 0);
  if (attended.length === 0) throw new AppError("CONFLICT", "No attended half-day is recorded for this session yet.");
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
  const attendedHours =
    Math.round(
      (attended.reduce((sum, slot) => sum + (slot.endsAt.getTime() - slot.startsAt.getTime()), 0) / 3600_000) * 100,
    ) / 100;
  const rules = session.courseVersion.completionRules as { quizPassRequired?: boolean } | null;
  let evaluationResult: string | null = null;
  if (rules?.quizPassRequired) {
    const enrolment = await db.enrolment.findUnique({
      where: { userId_courseId: { userId, courseId: session.courseId } },
      select: { scaledScore: true },
    });
    evaluationResult = enrolment?.scaledScore != null ? `${Math.round(enrolment.scaledScore * 100)} %` : "—";
  }
  const timeZone = session.course.institution.timeZone;
  const certificate = await issueCertificate({
    kind: "ATTENDANCE",
    userId,
    courseId: session.courseId,
    sessionId,
    hours: attendedHours,
    details: {
      agentName: user.name,
      courseTitle: session.courseVersion.title,
      objectives: session.courseVersion.objectives,
      modality: session.course.modality,
      trainingType: session.course.trainingType,
      declaredDurationMinutes: session.courseVersion.declaredDurationMinutes,
      dates: [...new Set(attended.map((slot) => localDate(slot.startsAt, timeZone)))],
      attendedHours,
      evaluationResult,
      institutionName: session.course.institution.name,
      siteName: `${session.site.name}, ${session.site.city}`,
    },
  });
  const pdf = await buildCertificatePdf({
    details: certificate.details as never,
    verificationCode: certificate.verificationCode,
    verificationUrl: verificationUrl(certificate.verificationCode),
    issuedAt: certificate.issuedAt,
    locale,
  });
  return { certificate, pdf };
}
