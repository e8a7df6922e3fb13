// What a cmi5 registration has reached (cmi5 §9.3.9 satisfied, §13.1.4 moveOn), pure: per AU
// completed / passed / waived, and which AUs, blocks and the course are satisfied. An AU is
// satisfied by its moveOn (NotApplicable at once), or when waived; a block when every AU under
// it is; the course when every AU is.
import type { TCmi5Au, TCmi5Block } from "./parse-package-manifest";

export type TCmi5AuProgress = {
  completed?: boolean;
  passed?: boolean;
  waived?: boolean;
  /** The last session in which the AU failed: no second failed, nor passed, in it (cmi5 9.3.0.0-2, -3). */
  failedSessionId?: string;
};
export type TCmi5Progress = {
  aus: Record<string, TCmi5AuProgress>;
  satisfiedBlocks: number[];
  isCourseSatisfied: boolean;
};
export type TCmi5Structure = { aus: TCmi5Au[]; blocks: TCmi5Block[] };

export function readCmi5Progress(value: unknown): TCmi5Progress {
  const raw = (value ?? {}) as Partial<TCmi5Progress>;
  return {
    aus: raw.aus ?? {},
    satisfiedBlocks: Array.isArray(raw.satisfiedBlocks) ? raw.satisfiedBlocks : [],
    isCourseSatisfied: raw.isCourseSatisfied === true,
  };
}

export function isAuSatisfied(au: TCmi5Au, progress: TCmi5AuProgress | undefined): boolean {
  if (progress?.waived) return true;
  switch (au.moveOn) {
    case "NotApplicable":
      return true;
    case "Completed":
      return progress?.completed === true;
    case "Passed":
      return progress?.passed === true;
    case "CompletedAndPassed":
      return progress?.completed === true && progress.passed === true;
    case "CompletedOrPassed":
      return progress?.completed === true || progress?.passed === true;
  }
}

/**
 * The blocks (innermost first) and the course that the progress now satisfies and had not
 * before, each to be announced once with a satisfied statement, and the progress marking them.
 */
export function newlySatisfied(
  structure: TCmi5Structure,
  progress: TCmi5Progress,
): { blocks: number[]; isCourse: boolean; progress: TCmi5Progress } {
  const satisfied = structure.aus.map((au, index) => isAuSatisfied(au, progress.aus[String(index)]));
  const blocks: number[] = [];
  // Inner blocks come after their parents in document order: walk backwards for innermost first.
  for (let index = structure.blocks.length - 1; index >= 0; index--) {
    if (progress.satisfiedBlocks.includes(index)) continue;
    const inside = structure.aus.map((au, auIndex) => ({ au, auIndex })).filter(({ au }) => au.blocks.includes(index));
    if (inside.length > 0 && inside.every(({ auIndex }) => satisfied[auIndex])) blocks.push(index);
  }
  const isCourse = !progress.isCourseSatisfied && satisfied.length > 0 && satisfied.every(Boolean);
  return {
    blocks,
    isCourse,
    progress: {
      ...progress,
      satisfiedBlocks: [...progress.satisfiedBlocks, ...blocks],
      isCourseSatisfied: progress.isCourseSatisfied || isCourse,
    },
  };
}
