import "server-only";
import { db } from "../db";
import { publicUrl } from "../env";

export type TCertificateValidity = "VALID" | "REVOKED" | "UNKNOWN";

/** Public check of a verification code: reveals only whether it designates a valid certificate. */
export async function verifyCertificate(code: string): Promise<TCertificateValidity> {
  const normalized = code.trim().toUpperCase().replace(/[\s-]/g, "");
  if (!/^[A-Z0-9]{6,20}$/.test(normalized)) return "UNKNOWN";
  const certificate = await db.certificate.findUnique({
    where: { verificationCode: normalized },
    select: { revokedAt: true },
  });
  if (!certificate) return "UNKNOWN";
  return certificate.revokedAt ? "REVOKED" : "VALID";
}

export function verificationUrl(code: string): string {
  return `${publicUrl()}/verify/${code}`;
}
