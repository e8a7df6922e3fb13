import "server-only";
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors/app-error";

export const ZOidcIdentity = z.object({
  provider: z.string().min(1),
  subject: z.string().min(1),
  email: z
    .string()
    .email()
    .transform((value) => value.toLowerCase()),
  name: z.string().min(1),
  institutionCode: z.string().min(1).optional(),
});
export type TOidcIdentity = z.infer<typeof ZOidcIdentity>;

/**
 * Signs in a person coming from an institution's identity provider: the identity is matched
 * to an existing user by subject, then by e-mail; otherwise a user is created as an agent of
 * the institution named by the configured claim. An unknown institution is refused.
 */
export async function linkOidcUser(input: TOidcIdentity): Promise<{ userId: string }> {
  const identity = ZOidcIdentity.parse(input);
  const linked = await db.authIdentity.findUnique({
    where: { provider_subject: { provider: identity.provider, subject: identity.subject } },
    select: { userId: true },
  });
  if (linked) return { userId: linked.userId };

  const institution = identity.institutionCode
    ? await db.institution.findUnique({ where: { code: identity.institutionCode }, select: { id: true } })
    : null;

  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: identity.email }, select: { id: true } });
    if (existing) {
      await tx.authIdentity.create({
        data: { provider: identity.provider, subject: identity.subject, userId: existing.id },
      });
      await tx.auditLog.create({
        data: { actorId: existing.id, action: "auth.identity.linked", entityType: "User", entityId: existing.id },
      });
      return { userId: existing.id };
    }
    if (!institution) {
      throw new AppError("FORBIDDEN", "unknown-institution", { institutionCode: identity.institutionCode ?? null });
    }
    const user = await tx.user.create({
      data: {
        email: identity.email,
        name: identity.name,
        institutionId: institution.id,
        memberships: { create: { role: "AGENT", institutionId: institution.id } },
        identities: { create: { provider: identity.provider, subject: identity.subject } },
      },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: {
        actorId: user.id,
        action: "auth.user.created",
        entityType: "User",
        entityId: user.id,
        institutionId: institution.id,
      },
    });
    return { userId: user.id };
  });
}
