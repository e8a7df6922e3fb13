import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { canSometimes } from "../auth/permissions";
import { NEED_ROW_SELECT, toNeedRow } from "./need-view";

/**
 * A manager's queue: the needs of the agents they manage, those still waiting for an opinion
 * first. Served by User(managerId) then TrainingNeed(userId) (bench/needs).
 */
export async function listTeamNeeds(actor: TActor, options: { take?: number } = {}) {
  if (!canSometimes(actor, "needs.opinion")) return [];
  const needs = await db.trainingNeed.findMany({
    where: { user: { managerId: actor.userId }, withdrawnAt: null },
    orderBy: [{ createdAt: "desc" }],
    take: options.take ?? 200,
    select: NEED_ROW_SELECT,
  });
  return needs
    .map((need) => {
      const row = toNeedRow(need);
      return { ...row, canGiveOpinion: row.decision === null && row.answeredBySessionId === null };
    })
    .sort((a, b) => Number(b.canGiveOpinion && !b.opinion) - Number(a.canGiveOpinion && !a.opinion));
}
