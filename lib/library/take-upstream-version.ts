import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { getAuthorableCourseOrThrow } from "../authoring/get-authorable-course";
import { keyedError } from "../errors/localized-error";
import { invalidInput } from "../errors/invalid-input";
import { getListedCourseOrThrow } from "./get-listed-course";
import { copiedVersionData } from "./copy-version-content";
import { isAdaptable } from "./licences";

export const ZTakeUpstreamVersionInput = z.object({
  courseId: z.string().min(1).max(40),
  /** The upstream version the adapter saw and chose: a newer one published meanwhile is not taken blindly. */
  upstreamVersion: z.number().int().min(1),
});
export type TTakeUpstreamVersionInput = z.infer<typeof ZTakeUpstreamVersionInput>;

/**
 * The adapter takes the original's latest version: the adaptation's draft becomes a copy of it
 * (a new draft when none is open; the open one is replaced, its revision bumped so an editor still
 * open on it gets the usual conflict), and the lineage moves to that version. What learners follow
 * changes only when the adapter publishes the draft, as for any edit.
 */
export async function takeUpstreamVersion(actor: TActor, input: TTakeUpstreamVersionInput) {
  const parsed = ZTakeUpstreamVersionInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { courseId, upstreamVersion } = parsed.data;
  return db.$transaction(async (tx) => {
    const course = await getAuthorableCourseOrThrow(tx, actor, courseId);
    await tx.$queryRaw`SELECT id FROM "Course" WHERE id = ${courseId} FOR UPDATE`;
    const lineage = await tx.course.findUniqueOrThrow({
      where: { id: courseId },
      select: { adaptedFromId: true, adaptedFromVersion: true },
    });
    if (!lineage.adaptedFromId || lineage.adaptedFromVersion === null)
      throw keyedError("CONFLICT", "errors.library.notAnAdaptation");
    const upstream = await getListedCourseOrThrow(tx, lineage.adaptedFromId);
    if (!isAdaptable(upstream.listing.licence)) throw keyedError("CONFLICT", "errors.library.notAdaptable");
    if (upstream.version.number !== upstreamVersion)
      throw keyedError("CONFLICT", "errors.library.upstreamMoved", { number: upstream.version.number });
    if (lineage.adaptedFromVersion >= upstreamVersion) throw keyedError("CONFLICT", "errors.library.upToDate");
    const data = copiedVersionData(courseId, upstream.version);
    const draft = await tx.courseVersion.findFirst({
      where: { courseId, status: "DRAFT" },
      orderBy: { number: "desc" },
      select: { id: true },
    });
    if (draft) {
      await tx.courseModule.deleteMany({ where: { versionId: draft.id } });
      const { modules, ...fields } = data;
      await tx.courseVersion.update({
        where: { id: draft.id },
        data: { ...fields, modules, revision: { increment: 1 } },
      });
    } else {
      const latest = await tx.courseVersion.findFirstOrThrow({
        where: { courseId },
        orderBy: { number: "desc" },
        select: { number: true },
      });
      await tx.courseVersion.create({ data: { courseId, number: latest.number + 1, status: "DRAFT", ...data } });
    }
    await tx.course.update({ where: { id: courseId }, data: { adaptedFromVersion: upstreamVersion } });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "library.upstreamTaken",
        entityType: "Course",
        entityId: courseId,
        institutionId: course.institutionId,
        data: { upstreamCourseId: upstream.id, from: lineage.adaptedFromVersion, to: upstreamVersion },
      },
    });
    return { courseId };
  });
}
