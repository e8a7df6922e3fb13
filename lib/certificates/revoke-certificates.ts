import "server-only";
import type { TTransaction } from "../db";
import type { Prisma } from "../db";

/**
 * Revokes the live certificates matching `where` (their basis was withdrawn: a presence corrected
 * to absent, a registration cancelled, a completion undone), dated now, audited, in the caller's
 * transaction. A revoked certificate stays verifiable as revoked, with its date; it is never
 * issued again: a new basis gets a new certificate with a new code.
 */
export async function revokeCertificates(
  tx: TTransaction,
  options: { where: Prisma.CertificateWhereInput; actorId: string | null; reason: string; now?: Date },
): Promise<string[]> {
  const live = await tx.certificate.findMany({
    where: { ...options.where, revokedAt: null },
    select: { id: true, userId: true, course: { select: { institutionId: true } } },
  });
  if (live.length === 0) return [];
  const revokedAt = options.now ?? new Date();
  await tx.certificate.updateMany({ where: { id: { in: live.map((row) => row.id) } }, data: { revokedAt } });
  await tx.auditLog.createMany({
    data: live.map((row) => ({
      actorId: options.actorId,
      action: "certificate.revoked",
      entityType: "Certificate",
      entityId: row.id,
      institutionId: row.course.institutionId,
      data: { userId: row.userId, reason: options.reason },
    })),
  });
  return live.map((row) => row.id);
}
