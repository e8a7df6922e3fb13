import "server-only";
import { z } from "zod";
import { db } from "../db";
import { can, type TActor } from "../auth/permissions";
import { AppError } from "../errors/app-error";
import { getCertificatePdf } from "../certificates/get-certificate-pdf";
import { sessionResource } from "./session-access";
import { issueAttendanceCertificate } from "./issue-attendance-certificate";

export const ZAttendanceCertificateInput = z.object({
  sessionId: z.string().min(1).max(40),
  userId: z.string().min(1).max(40),
});

/**
 * The attendance certificate of an agent for a session, issued on first request once its basis
 * exists (confirmed registration, at least one half-day attended; see issueAttendanceCertificate),
 * as PDF in the holder's language. The agent gets their own; the site's coordinator anyone's of
 * the site. Without a basis (never attended, presence withdrawn, registration cancelled) the
 * request is refused and nothing is written.
 */
export async function getAttendanceCertificate(actor: TActor, input: z.input<typeof ZAttendanceCertificateInput>) {
  const parsed = ZAttendanceCertificateInput.safeParse(input);
  if (!parsed.success)
    throw new AppError("INVALID", "sessionId: invalid", { messageKey: "certificates.errors.notFound", values: {} });
  const { sessionId, userId } = parsed.data;
  const session = await db.trainingSession.findUnique({
    where: { id: sessionId },
    select: { siteId: true, course: { select: { institutionId: true } } },
  });
  const isOwn = userId === actor.userId;
  if (!session || (!isOwn && !can(actor, "registration.manage", sessionResource(session))))
    throw new AppError("NOT_FOUND", "This certificate does not exist.", {
      messageKey: "certificates.errors.notFound",
      values: {},
    });
  const certificate = await db.$transaction((tx) => issueAttendanceCertificate(tx, { sessionId, userId }), {
    timeout: 20_000,
    maxWait: 10_000,
  });
  if (!certificate)
    throw new AppError("CONFLICT", "No attended half-day is recorded for this session.", {
      messageKey: "certificates.errors.noBasis",
      values: {},
    });
  return getCertificatePdf(actor, { certificateId: certificate.id });
}
