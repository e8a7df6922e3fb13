import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import { db, type TTransaction } from "../db";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";

const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** 12 characters from 31 symbols ≈ 59 bits: not guessable, short enough to type from paper. */
export function generateVerificationCode(): string {
  return Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

/** What the certificate says, frozen at issue time so later edits of the course change nothing. */
export const ZCertificateDetails = z.object({
  agentName: z.string(),
  courseTitle: z.string(),
  objectives: z.string(),
  modality: z.enum(["ONLINE", "IN_PERSON", "HYBRID"]),
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
 * Issues a certificate (achievement of an online course, or attendance of a session) with a
 * verification code. Idempotent: the same person, course, kind and enrolment/session get the
 * certificate already issued (unless revoked). Pass `tx` to issue inside the caller's transaction.
 * Authorization is the caller's job (the completion or attendance that justifies it).
 */
export async function issueCertificate(input: TIssueCertificateInput, tx?: TTransaction): Promise<TIssuedCertificate> {
  if (!tx) return db.$transaction((inner) => issueCertificate(input, inner));
  const parsed = ZIssueCertificateInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("INVALID", `${issue?.path.join(".") || "input"}: ${issue?.message ?? "invalid"}`);
  }
  const data = parsed.data;
  const sameWhere = {
    userId: data.userId,
    courseId: data.courseId,
    kind: data.kind,
    revokedAt: null,
    ...(data.kind === "ATTENDANCE" ? { sessionId: data.sessionId } : { enrolmentId: data.enrolmentId }),
  };
  const existing = await tx.certificate.findFirst({ where: sameWhere, orderBy: { issuedAt: "asc" } });
  if (existing) return existing;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await tx.certificate.create({
        data: {
          kind: data.kind,
          verificationCode: generateVerificationCode(),
          userId: data.userId,
          courseId: data.courseId,
          enrolmentId: data.enrolmentId ?? null,
          sessionId: data.sessionId ?? null,
          hours: data.hours,
          details: data.details,
        },
      });
    } catch (error) {
      // A code collision (unique violation) is astronomically rare: draw another one.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  }
  throw new AppError("CONFLICT", "Could not draw a unique verification code.");
}
