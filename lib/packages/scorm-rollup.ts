// A SCORM package's overall result from its SCOs' results. Pure.
//
// SCORM 1.2 (no sequencing): the package is completed when every SCO is completed (passed and
// failed count as completed, as lesson_status says); it is passed when it is completed and every
// SCO that reported a success reported "passed", failed as soon as one SCO reported "failed".
//
// SCORM 2004 follows IMS Simple Sequencing's rollup (SN book §4.6), bottom-up through the clusters:
// - the rules of the cluster's imsss:rollupRules (childActivitySet all / any / none / atLeastCount /
//   atLeastPercent; conditions satisfied, objectiveStatusKnown, completed, activityProgressKnown,
//   attempted, each possibly negated; combination all / any; actions satisfied, notSatisfied,
//   completed, incomplete), and without a rule for an action, SS's default rules:
//   notSatisfied if all children's objective status is known, satisfied if all are satisfied
//   (satisfied wins), incomplete if all were attempted, completed if all are completed (completed wins);
// - only children that are tracked (deliveryControls) and that contribute (rollupObjectiveSatisfied,
//   rollupProgressCompletion) count;
// - the measure is the average of the contributing children's scaled scores, an unknown one
//   counting as 0 with its weight (objectiveMeasureWeight is taken as 1), unknown when none is known.
// Not evaluated: rollupConsiderations (requiredForSatisfied...), shared global objectives,
// measure-based satisfaction of clusters.
import type { TRollupCondition, TRollupRule, TScormItem, TScormOrganization } from "./parse-scorm-organization";
import type { TScormFacts } from "./scorm-runtime-facts";

export type TRollupStatus = {
  completion: "completed" | "incomplete" | "unknown";
  success: "passed" | "failed" | "unknown";
  isAttempted: boolean;
  scaled: number | null;
};

const UNKNOWN: TRollupStatus = { completion: "unknown", success: "unknown", isAttempted: false, scaled: null };

function leafStatus(facts: TScormFacts | undefined): TRollupStatus {
  if (!facts) return UNKNOWN;
  return { completion: facts.completion, success: facts.success, isAttempted: true, scaled: facts.scaled };
}

function holds(status: TRollupStatus, condition: TRollupCondition): boolean {
  if (condition === "satisfied") return status.success === "passed";
  if (condition === "objectiveStatusKnown") return status.success !== "unknown";
  if (condition === "completed") return status.completion === "completed";
  if (condition === "activityProgressKnown") return status.completion !== "unknown";
  return status.isAttempted;
}

function ruleApplies(rule: TRollupRule, children: TRollupStatus[]): boolean {
  if (children.length === 0) return false;
  const matches = children.filter((child) => {
    const results = rule.conditions.map(({ condition, isNegated }) => holds(child, condition) !== isNegated);
    return rule.conditionCombination === "all" ? results.every(Boolean) : results.some(Boolean);
  }).length;
  if (rule.childActivitySet === "all") return matches === children.length;
  if (rule.childActivitySet === "any") return matches > 0;
  if (rule.childActivitySet === "none") return matches === 0;
  if (rule.childActivitySet === "atLeastCount") return matches >= rule.minimumCount;
  return (matches / children.length) * 100 >= rule.minimumPercent;
}

function defaultRule(action: TRollupRule["action"], condition: TRollupCondition): TRollupRule {
  return {
    childActivitySet: "all",
    minimumCount: 0,
    minimumPercent: 0,
    conditionCombination: "any",
    conditions: [{ condition, isNegated: false }],
    action,
  };
}

function rulesFor(item: TScormItem | TScormOrganization, actions: [TRollupRule["action"], TRollupRule["action"]]) {
  const own = item.rollupRules.filter((rule) => actions.includes(rule.action));
  if (own.length > 0) return own;
  return actions[0] === "notSatisfied"
    ? [defaultRule("notSatisfied", "objectiveStatusKnown"), defaultRule("satisfied", "satisfied")]
    : [defaultRule("incomplete", "attempted"), defaultRule("completed", "completed")];
}

function rollup2004(
  item: TScormItem | TScormOrganization,
  factsOf: (id: string) => TScormFacts | undefined,
): TRollupStatus {
  if (item.children.length === 0) return leafStatus(factsOf(item.id));
  const children = item.children.map((child) => ({ child, status: rollup2004(child, factsOf) }));
  const forSatisfaction = children.filter(({ child }) => child.isTracked && child.contributesToSatisfaction);
  const forCompletion = children.filter(({ child }) => child.isTracked && child.contributesToCompletion);
  let success: TRollupStatus["success"] = "unknown";
  // SS evaluates "not satisfied" first, then "satisfied", which wins when both apply.
  for (const action of ["notSatisfied", "satisfied"] as const)
    for (const rule of rulesFor(item, ["notSatisfied", "satisfied"]).filter((candidate) => candidate.action === action))
      if (
        ruleApplies(
          rule,
          forSatisfaction.map(({ status }) => status),
        )
      )
        success = action === "satisfied" ? "passed" : "failed";
  let completion: TRollupStatus["completion"] = "unknown";
  for (const action of ["incomplete", "completed"] as const)
    for (const rule of rulesFor(item, ["incomplete", "completed"]).filter((candidate) => candidate.action === action))
      if (
        ruleApplies(
          rule,
          forCompletion.map(({ status }) => status),
        )
      )
        completion = action;
  const isAttempted = children.some(({ status }) => status.isAttempted);
  if (completion === "unknown" && isAttempted) completion = "incomplete";
  const measured = forSatisfaction.filter(({ status }) => status.scaled !== null);
  const scaled =
    measured.length === 0
      ? null
      : measured.reduce((sum, { status }) => sum + (status.scaled ?? 0), 0) / forSatisfaction.length;
  return { completion, success, isAttempted, scaled };
}

function rollup12(organization: TScormOrganization, factsOf: (id: string) => TScormFacts | undefined) {
  const scos: TScormItem[] = [];
  const walk = (items: TScormItem[]) => items.forEach((item) => (item.isSco ? scos.push(item) : walk(item.children)));
  walk(organization.children);
  const statuses = scos.map((sco) => leafStatus(factsOf(sco.id)));
  const isAttempted = statuses.some((status) => status.isAttempted);
  const isCompleted = statuses.length > 0 && statuses.every((status) => status.completion === "completed");
  const reported = statuses.filter((status) => status.success !== "unknown");
  const success: TRollupStatus["success"] = reported.some((status) => status.success === "failed")
    ? "failed"
    : isCompleted && reported.length > 0
      ? "passed"
      : "unknown";
  const measured = statuses.filter((status) => status.scaled !== null);
  return {
    completion: isCompleted ? "completed" : isAttempted ? "incomplete" : "unknown",
    success,
    isAttempted,
    scaled:
      measured.length === 0 ? null : measured.reduce((sum, status) => sum + (status.scaled ?? 0), 0) / statuses.length,
  } satisfies TRollupStatus;
}

export function rollupPackage(options: {
  standard: "SCORM_12" | "SCORM_2004";
  organization: TScormOrganization;
  factsOf: (scoId: string) => TScormFacts | undefined;
}): TRollupStatus {
  return options.standard === "SCORM_12"
    ? rollup12(options.organization, options.factsOf)
    : rollup2004(options.organization, options.factsOf);
}
