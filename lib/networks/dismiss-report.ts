import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertModerator, getNetworkContextOrThrow } from "./network-access";
import { networkError } from "./network-errors";

/** A moderator of the report's network dismisses it (the post stays as it is). */
export async function dismissReport(actor: TActor, input: { reportId: string }) {
  const report = await db.networkReport.findUnique({
    where: { id: input.reportId },
    select: { networkId: true, status: true },
  });
  if (!report) throw networkError("NOT_FOUND", "postNotFound");
  const context = await getNetworkContextOrThrow(actor, { id: report.networkId });
  assertModerator(context);
  await db.$transaction(async (tx) => {
    await tx.networkReport.update({
      where: { id: input.reportId },
      data: { status: "DISMISSED", resolvedById: actor.userId, resolvedAt: new Date() },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "network.report.dismissed",
        entityType: "NetworkReport",
        entityId: input.reportId,
        institutionId: context.network.institutionId,
      },
    });
  });
}
