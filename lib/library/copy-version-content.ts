import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "../db/generated/client";
import { versionCopyData } from "../authoring/version-copy-data";

/** What is copied from an upstream version into an adaptation's draft. */
export const COPIED_VERSION_SELECT = {
  id: true,
  number: true,
  title: true,
  titleEn: true,
  summary: true,
  summaryEn: true,
  objectives: true,
  objectivesEn: true,
  declaredDurationMinutes: true,
  completionRules: true,
  modules: {
    orderBy: { position: "asc" },
    select: {
      title: true,
      titleEn: true,
      activities: {
        orderBy: { position: "asc" },
        select: {
          key: true,
          kind: true,
          title: true,
          titleEn: true,
          isRequired: true,
          content: true,
          videoAssetId: true,
          fileId: true,
          // A SCORM or cmi5 activity plays the same stored package in the adaptation.
          packageId: true,
        },
      },
    },
  },
} as const satisfies Prisma.CourseVersionSelect;

export type TCopiedVersion = Prisma.CourseVersionGetPayload<{ select: typeof COPIED_VERSION_SELECT }>;

/**
 * The adaptation's key for an upstream activity. Keys name xAPI activities, so a copy must not
 * reuse the original's (statements of two courses would merge); it is derived, not random, so
 * that taking a later upstream version keeps the adapter's learners' history on the same activities.
 */
export function adaptedActivityKey(adaptationId: string, upstreamKey: string): string {
  const digest = createHash("sha256").update(`${adaptationId}:${upstreamKey}`).digest("hex").slice(0, 16);
  return `adapt-${digest}`;
}

/** The nested create of an adaptation's draft, copied from an upstream version under derived keys. */
export function copiedVersionData(adaptationId: string, version: TCopiedVersion) {
  return versionCopyData(version, (key) => adaptedActivityKey(adaptationId, key));
}
