// What Relais keeps of one learner's attempt at one SCORM package (PackageRuntimeState.cmi): per
// SCO its run-time data (cmi, suspend_data and location included), the facts read from it and the
// interactions already sent as statements; the SCO to resume on; the package's rolled-up result.
// Packages imported before multi-SCO support have no organization in their manifest, and states
// written then are a single { cmi, facts }: both are read as a package of one SCO. Pure.
import type { TScormOrganization } from "./parse-scorm-organization";
import type { TRollupStatus } from "./scorm-rollup";
import type { TScormFacts } from "./scorm-runtime-facts";

export type TScoState = { cmi: Record<string, unknown>; facts: TScormFacts; answered: string[] };
export type TPackageRuntimeState = {
  version: 2;
  currentScoId: string | null;
  scos: Record<string, TScoState>;
  rollup: TRollupStatus | null;
};

type TStoredPackage = { launchPath: string; manifest: unknown; title: string };

export function readPackageOrganization(contentPackage: TStoredPackage): TScormOrganization {
  const manifest = (contentPackage.manifest ?? {}) as {
    organization?: TScormOrganization;
    identifier?: string;
    masteryScore?: number | null;
  };
  if (manifest.organization) return manifest.organization;
  const flags = {
    isVisible: true,
    isTracked: true,
    choice: true,
    flow: true,
    contributesToSatisfaction: true,
    contributesToCompletion: true,
    rollupRules: [],
  };
  return {
    ...flags,
    id: "organization",
    title: contentPackage.title,
    launchPath: null,
    isSco: false,
    masteryScore: null,
    children: [
      {
        ...flags,
        id: manifest.identifier || "sco",
        title: contentPackage.title,
        launchPath: contentPackage.launchPath,
        isSco: true,
        masteryScore: manifest.masteryScore ?? null,
        children: [],
      },
    ],
  };
}

export function readPackageRuntimeState(stored: unknown, firstScoId: string): TPackageRuntimeState {
  const value = (stored ?? {}) as Partial<TPackageRuntimeState> & {
    cmi?: Record<string, unknown>;
    facts?: TScormFacts;
  };
  if (value.version === 2 && value.scos)
    return { version: 2, currentScoId: value.currentScoId ?? null, scos: value.scos, rollup: value.rollup ?? null };
  if (value.cmi && value.facts)
    return {
      version: 2,
      currentScoId: firstScoId,
      scos: { [firstScoId]: { cmi: value.cmi, facts: value.facts, answered: [] } },
      rollup: {
        completion: value.facts.completion,
        success: value.facts.success,
        isAttempted: true,
        scaled: value.facts.scaled,
      },
    };
  return { version: 2, currentScoId: null, scos: {}, rollup: null };
}
