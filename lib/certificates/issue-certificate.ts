import "server-only";
import { invalidInput } from "../errors/invalid-input";
import { z } from "zod";
import { db, type TTransaction } from "../db";
import { AppError } from "../errors/app-error";
import { generateVerificationCode } from "./verification-code";

export { generateVerificationCode } from "./verification-code";

/** What the certificate says, frozen at issue time so later edits of the course change nothing. */
export const ZCertificateDetails = z.object({
  agentName: z.string(),
  courseTitle: z.string(),
  objectives: z.string(),
  modality: z.enum(["ONLINE", "IN_PERSON", "HYBRID"]),
  /** The TrainingType enum value; printed in words in the holder's language. */
  trainingType: z.string(),
  declaredDurationMinutes: z.number().int().nonnegative(),
  dates: z.array(z.string()),
  attendedHours: z.number().nonnegative().nullable(),
  /** Only when an evaluation was planned (e.g. a quiz required to complete); null otherwise. */
  evaluationResult: z.string().nullable(),
  institutionName: z.string(),
  siteName: z.string().nullable(),
});
export type TCertificateDetails = z.infer<typeof ZCertificateDetails>;

export const ZIssueCertificateInput = z
  .object({
    kind: z.enum(["ACHIEVEMENT", "ATTENDANCE"]),
    userId: z.string().min(1),
    courseId: z.string().min(1),
    enrolmentId: z.string().min(1).optional(),
    sessionId: z.string().min(1).optional(),
    hours: z.number().nonnegative().max(10_000),
    details: ZCertificateDetails,
  })
  .refine((input) => input.kind !== "ATTENDANCE" || input.sessionId, {
    message: "an attendance certificate names its session",
    path: ["sessionId"],
  })
  .refine((input) => input.kind !== "ACHIEVEMENT" || input.enrolmentId, {
    message: "an achievement certificate names its enrolment",
    path: ["enrolmentId"],
  });
export type TIssueCertificateInput = z.infer<typeof ZIssueCertificateInput>;

export type TIssuedCertificate = Awaited<ReturnType<TTransaction["certificate"]["create"]>>;

/**
 * Issues a certificate (achievement of an online or hybrid course, or attendance of a session)
 * with a verification code. Idempotent, also under concurrent requests: a transaction-scoped
 * advisory lock on (kind, enrolment or session + person) serialises issuers, so one basis gets
 * one live certificate. Pass `tx` to issue inside the caller's transaction. Whether the basis
 * exists (completion, attended half-days) is the caller's check.
 */
export async function issueCertificate(input: TIssueCertificateInput, tx?: TTransaction): Promise<TIssuedCertificate> {
  if (!tx) return db.$transaction((inner) => issueCertificate(input, inner));
  const parsed = ZIssueCertificateInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const data = parsed.data;
  const basis =
    data.kind === "ATTENDANCE" ? `session:${data.sessionId}:${data.userId}` : `enrolment:${data.enrolmentId}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`certificate:${basis}`}, 0))`;
  const existing = await tx.certificate.findFirst({
    where: {
      userId: data.userId,
      courseId: data.courseId,
      kind: data.kind,
      revokedAt: null,
      ...(data.kind === "ATTENDANCE" ? { sessionId: data.sessionId } : { enrolmentId: data.enrolmentId }),
    },
    orderBy: { issuedAt: "asc" },
  });
  if (existing) return existing;
  // 80 random bits: a collision is astronomically rare, but checked before the insert so the
  // transaction never hits a unique violation (which would abort it).
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = generateVerificationCode();
    if ((await tx.certificate.count({ where: { verificationCode: code } })) > 0) continue;
    const certificate = await tx.certificate.create({
      data: {
        kind: data.kind,
        verificationCode: code,
        userId: data.userId,
        courseId: data.courseId,
        enrolmentId: data.enrolmentId ?? null,
        sessionId: data.sessionId ?? null,
        hours: data.hours,
        details: data.details,
      },
    });
    await tx.auditLog.create({
      data: {
        actorId: null,
        action: "certificate.issued",
        entityType: "Certificate",
        entityId: certificate.id,
        data: { kind: data.kind, userId: data.userId, hours: data.hours },
      },
    });
    return certificate;
  }
  throw new AppError("CONFLICT", "Could not draw a unique verification code.", {
    messageKey: "certificates.errors.noCode",
    values: {},
  });
}
