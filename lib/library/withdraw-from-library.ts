import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { keyedError } from "../errors/localized-error";
import { invalidInput } from "../errors/invalid-input";

export const ZWithdrawFromLibraryInput = z.object({ courseId: z.string().min(1).max(40) });
export type TWithdrawFromLibraryInput = z.infer<typeof ZWithdrawFromLibraryInput>;

/**
 * A trainer of the course's institution takes it out of the national library: nobody can adopt or
 * adapt it any more, and it leaves the library's list. What was already granted stays: the open
 * licences are irrevocable for copies made under them, so the institutions that adopted it keep
 * offering it (with its attribution) and adaptations keep their lineage. Publishing it again
 * lists it again. Withdrawing a withdrawn course changes nothing (a retried request).
 */
export async function withdrawFromLibrary(actor: TActor, input: TWithdrawFromLibraryInput) {
  const parsed = ZWithdrawFromLibraryInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { courseId } = parsed.data;
  return db.$transaction(async (tx) => {
    const course = await tx.course.findUnique({
      where: { id: courseId },
      select: {
        institutionId: true,
        libraryListing: { select: { withdrawnAt: true } },
        _count: { select: { adoptions: true, adaptations: true } },
      },
    });
    if (!course) throw keyedError("NOT_FOUND", "errors.authoring.courseNotFound");
    assertCan(actor, "course.author", { institutionId: course.institutionId });
    assertCan(actor, "library.publish", { institutionId: course.institutionId });
    if (!course.libraryListing) throw keyedError("INVALID", "errors.library.notListed");
    const kept = { adoptions: course._count.adoptions, adaptations: course._count.adaptations };
    if (course.libraryListing.withdrawnAt) return kept;
    await tx.libraryListing.update({ where: { courseId }, data: { withdrawnAt: new Date() } });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "library.withdrawn",
        entityType: "Course",
        entityId: courseId,
        institutionId: course.institutionId,
        data: kept,
      },
    });
    return kept;
  });
}
