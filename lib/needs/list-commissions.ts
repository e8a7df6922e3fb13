import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";

/**
 * The national modules commissioned from pooled needs, newest first: brief, commissioned
 * institution and trainer, the needs they answer, and whether the module is published yet.
 */
export async function listCommissions(actor: TActor) {
  assertCan(actor, "needs.commission");
  const rows = await db.moduleCommission.findMany({
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      year: true,
      brief: true,
      createdAt: true,
      institution: { select: { name: true } },
      trainer: { select: { name: true } },
      course: {
        select: {
          id: true,
          versions: { orderBy: { number: "desc" }, take: 1, select: { title: true } },
          _count: { select: { versions: { where: { status: "PUBLISHED" } } } },
        },
      },
      _count: { select: { needs: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    year: row.year,
    brief: row.brief,
    createdAt: row.createdAt,
    institution: row.institution.name,
    trainer: row.trainer?.name ?? null,
    courseId: row.course.id,
    title: row.course.versions[0]?.title ?? "",
    isPublished: row.course._count.versions > 0,
    needs: row._count.needs,
  }));
}
