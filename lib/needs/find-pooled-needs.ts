import "server-only";
import type { Prisma } from "../db/generated/client";
import { needsError } from "./needs-error";

/** A pooled subject from its key: `course:<id>` (a catalogue course) or `theme:<id>` (free needs of a theme). */
export function parseSubjectKey(key: string): { courseId: string } | { themeId: string } {
  const match = /^(course|theme):([A-Za-z0-9_-]{1,40})$/.exec(key);
  if (!match) throw needsError("INVALID", "needs.errors.invalidInput");
  return match[1] === "course" ? { courseId: match[2]! } : { themeId: match[2]! };
}

/**
 * Retained needs of a subject, still unanswered (no shared session, no commissioned module), from
 * the institutions of a region in a campaign year — of every region when `regionId` is null (a
 * national module).
 */
export function pooledNeedsWhere(options: {
  regionId: string | null;
  year: number;
  subject: string;
}): Prisma.TrainingNeedWhereInput {
  const subject = parseSubjectKey(options.subject);
  return {
    ...("courseId" in subject ? { courseId: subject.courseId } : { themeId: subject.themeId, courseId: null }),
    decision: "RETAINED",
    withdrawnAt: null,
    answeredBySessionId: null,
    answeredByCommissionId: null,
    campaign: {
      year: options.year,
      ...(options.regionId === null ? {} : { institution: { regionId: options.regionId } }),
    },
  };
}
