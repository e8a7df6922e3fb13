import "server-only";
import type { TTransaction } from "../db";
import type { TResource } from "../auth/permissions";

/**
 * Who decides on an agent's registration: their manager, or when they have none, their
 * institution's training officers. Expressed as the resource the permission table checks.
 */
export function approvalResource(agent: { managerId: string | null; institutionId: string | null }): TResource {
  return agent.managerId ? { managerId: agent.managerId } : { institutionId: agent.institutionId };
}

export async function findApproverIds(
  tx: TTransaction,
  agent: { managerId: string | null; institutionId: string | null },
): Promise<string[]> {
  if (agent.managerId) return [agent.managerId];
  if (!agent.institutionId) return [];
  const officers = await tx.roleMembership.findMany({
    where: { role: "TRAINING_OFFICER", institutionId: agent.institutionId },
    select: { userId: true },
  });
  return officers.map((row) => row.userId);
}
