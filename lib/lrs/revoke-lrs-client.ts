import "server-only";
// Revokes an LRS client: its credentials get 401 from the next request on (revocation is read
// from the database on every request, see authenticate-lrs-request.ts). Revoking twice is a no-op
// so that a retried form submission succeeds.
import { z } from "zod";
import { assertCan } from "../auth/assert-can";
import type { TActor } from "../auth/permissions";
import { db } from "../db";
import { AppError } from "../errors/app-error";

export const ZRevokeLrsClientInput = z.object({ clientId: z.string().trim().min(1, "clientId: is required") });

export async function revokeLrsClient(actor: TActor, input: z.input<typeof ZRevokeLrsClientInput>): Promise<void> {
  const parsed = ZRevokeLrsClientInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues.map((issue) => issue.message).join("; "));
  await db.$transaction(async (tx) => {
    const client = await tx.lrsClient.findUnique({
      where: { id: parsed.data.clientId },
      select: { id: true, name: true, key: true, institutionId: true, revokedAt: true },
    });
    if (!client) throw new AppError("NOT_FOUND", "This LRS client does not exist.");
    assertCan(actor, "lrsClient.manage", { institutionId: client.institutionId });
    if (client.revokedAt !== null) return;
    await tx.lrsClient.update({ where: { id: client.id }, data: { revokedAt: new Date() } });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "lrsClient.revoked",
        entityType: "LrsClient",
        entityId: client.id,
        institutionId: client.institutionId,
        data: { name: client.name, key: client.key },
      },
    });
  });
}
