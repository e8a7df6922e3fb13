import "server-only";
// Creates the HTTP Basic credentials of an external xAPI client. The secret is returned once and
// only its scrypt hash is stored, so nobody (admins included) can read it back later.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { assertCan } from "../auth/assert-can";
import type { TActor } from "../auth/permissions";
import { hashSecret } from "../auth/secret-hash";
import { db } from "../db";
import { AppError } from "../errors/app-error";

export const ZCreateLrsClientInput = z
  .object({
    name: z.string().trim().min(1, "name: is required").max(100, "name: at most 100 characters"),
    /** null: a national client (every institution), which only a national admin may create. */
    institutionId: z.string().trim().min(1).nullable(),
    // Least privilege: a client reads only, unless write is chosen explicitly.
    canRead: z.boolean().default(true),
    canWrite: z.boolean().default(false),
  })
  .refine((input) => input.canRead || input.canWrite, {
    message: "permissions: choose read, write or both",
    path: ["permissions"],
  });

export type TCreateLrsClientInput = z.input<typeof ZCreateLrsClientInput>;
export type TCreatedLrsClient = { id: string; name: string; key: string; secret: string };

export async function createLrsClient(actor: TActor, input: TCreateLrsClientInput): Promise<TCreatedLrsClient> {
  const parsed = ZCreateLrsClientInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues.map((issue) => issue.message).join("; "));
  const { name, institutionId, canRead, canWrite } = parsed.data;
  // Institution scope covers only its own institution; a national client needs national scope.
  assertCan(actor, "lrsClient.manage", { institutionId });
  if (
    institutionId !== null &&
    !(await db.institution.findUnique({ where: { id: institutionId }, select: { id: true } }))
  ) {
    throw new AppError("NOT_FOUND", "This institution does not exist.");
  }
  // The key is public (it names the client in statements' authority); the secret is 256 random bits.
  const key = `relais-${randomBytes(9).toString("base64url")}`;
  const secret = randomBytes(32).toString("base64url");
  const secretHash = await hashSecret(secret);
  return db.$transaction(async (tx) => {
    const client = await tx.lrsClient.create({
      data: { name, key, secretHash, institutionId, canRead, canWrite, createdById: actor.userId },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "lrsClient.created",
        entityType: "LrsClient",
        entityId: client.id,
        institutionId,
        data: { name, key, canRead, canWrite },
      },
    });
    return { id: client.id, name, key, secret };
  });
}
