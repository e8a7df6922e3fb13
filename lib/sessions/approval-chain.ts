import type { ApprovalChain } from "../db/generated/enums";

/**
 * The approval fields of a registration entering (or leaving) the approval chain. The chain is the
 * course's when it sets one, else the agent's institution's; it is fixed when the request is made,
 * so a later change of configuration does not move requests already under way.
 */
export function approvalFields(options: {
  isPending: boolean;
  courseChain: ApprovalChain | null;
  institutionChain: ApprovalChain | null | undefined;
  now: Date;
}) {
  if (!options.isPending)
    return { approvalStep: null, approvalStepSince: null, approvalRemindedAt: null, isOfficerStepRequired: false };
  const chain = options.courseChain ?? options.institutionChain ?? "MANAGER";
  return {
    approvalStep: "MANAGER" as const,
    approvalStepSince: options.now,
    approvalRemindedAt: null,
    isOfficerStepRequired: chain === "MANAGER_THEN_OFFICER",
  };
}
