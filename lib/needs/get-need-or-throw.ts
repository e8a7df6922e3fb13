import "server-only";
import type { TTransaction } from "../db";
import { needsError } from "./needs-error";

/**
 * A need with what the permission table needs to judge it (owner, their manager, institution),
 * read under a row lock: opinions, decisions and withdrawals of one need are serialized, so of
 * two people acting at once the second sees the first one's change.
 */
export async function getNeedForUpdateOrThrow(tx: TTransaction, needId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "TrainingNeed" WHERE id = ${needId} FOR UPDATE`;
  if (locked.length === 0) throw needsError("NOT_FOUND", "needs.errors.notFound");
  return tx.trainingNeed.findUniqueOrThrow({
    where: { id: needId },
    select: {
      id: true,
      userId: true,
      institutionId: true,
      courseId: true,
      title: true,
      decision: true,
      opinion: true,
      withdrawnAt: true,
      answeredBySessionId: true,
      answeredByCommissionId: true,
      user: { select: { managerId: true, name: true } },
      course: {
        select: {
          versions: { where: { status: "PUBLISHED" }, orderBy: { number: "desc" }, take: 1, select: { title: true } },
        },
      },
    },
  });
}

/** The need's subject as the agent named it: the catalogue course's title, or the free need's title. */
export function needLabel(need: { title: string; course: { versions: { title: string }[] } | null }): string {
  return need.course?.versions[0]?.title ?? need.title;
}
