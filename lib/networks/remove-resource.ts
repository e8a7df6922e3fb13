import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertModerator, getNetworkContextOrThrow } from "./network-access";
import { networkError } from "./network-errors";

/** A moderator of the resource's network removes it from the network (the course or file itself stays). */
export async function removeResource(actor: TActor, input: { resourceId: string }) {
  const resource = await db.networkResource.findUnique({
    where: { id: input.resourceId },
    select: { networkId: true },
  });
  if (!resource) throw networkError("NOT_FOUND", "resourceNotFound");
  const context = await getNetworkContextOrThrow(actor, { id: resource.networkId });
  assertModerator(context);
  await db.$transaction(async (tx) => {
    await tx.networkResource.delete({ where: { id: input.resourceId } });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "network.resource.removed",
        entityType: "NetworkResource",
        entityId: input.resourceId,
        institutionId: context.network.institutionId,
      },
    });
  });
}
