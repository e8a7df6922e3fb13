import "server-only";
import type { TTransaction } from "../db";
import type { TResource } from "../auth/permissions";
import type { ApprovalStep } from "../db/generated/enums";

/** An agent as the approval rules read them: their manager (and that manager's absence and deputy), their institution. */
export type TApprovalAgent = {
  managerId: string | null;
  institutionId: string | null;
  manager?: { absentUntil: Date | null; deputyId: string | null } | null;
};

/** The manager's deputy, while the manager is away (absentUntil in the future). */
export function activeDeputyId(agent: TApprovalAgent, now: Date): string | null {
  const manager = agent.manager;
  return manager?.deputyId && manager.absentUntil && manager.absentUntil > now ? manager.deputyId : null;
}

/**
 * Who decides a request at a step, as the resources the permission table checks (any one suffices):
 * at the manager's step the agent's manager — or their deputy while they are away — or, for an agent
 * without a manager, the institution's training officers; at the officer's step the training officers.
 */
export function approvalResources(agent: TApprovalAgent, step: ApprovalStep | null, now: Date): TResource[] {
  if (step === "OFFICER" || !agent.managerId) return [{ institutionId: agent.institutionId }];
  const deputyId = activeDeputyId(agent, now);
  return deputyId ? [{ managerId: agent.managerId }, { managerId: deputyId }] : [{ managerId: agent.managerId }];
}

/** The one-step resource kept for callers that know no steps (the manager, or the officers without one). */
export function approvalResource(agent: { managerId: string | null; institutionId: string | null }): TResource {
  return agent.managerId ? { managerId: agent.managerId } : { institutionId: agent.institutionId };
}

/** Who is told a request waits for them at a step (the deputy instead of an absent manager). */
export async function findApproverIds(
  tx: TTransaction,
  agent: TApprovalAgent,
  options: { step?: ApprovalStep; now?: Date } = {},
): Promise<string[]> {
  const step = options.step ?? "MANAGER";
  if (step === "MANAGER" && agent.managerId)
    return [activeDeputyId(agent, options.now ?? new Date()) ?? agent.managerId];
  if (!agent.institutionId) return [];
  const officers = await tx.roleMembership.findMany({
    where: { role: "TRAINING_OFFICER", institutionId: agent.institutionId },
    select: { userId: true },
  });
  return [...new Set(officers.map((row) => row.userId))];
}
