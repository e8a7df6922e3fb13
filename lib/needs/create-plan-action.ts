import "server-only";
import { z } from "zod";
import { db } from "../db";
import { Prisma } from "../db/generated/client";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { PlanActionKind, TrainingType } from "../db/generated/enums";
import { zEuroCents } from "../money/z-euros";
import { hasNoNul, invalidNeedsInput, needsError } from "./needs-error";

export const ZCreatePlanActionInput = z
  .object({
    campaignId: z.string().min(1).max(40),
    themeId: z.string().min(1).max(40),
    trainingType: z.enum(Object.values(TrainingType)),
    kind: z.enum(Object.values(PlanActionKind)),
    title: z.string().trim().min(1).max(300).refine(hasNoNul),
    courseId: z
      .string()
      .max(40)
      .transform((value) => value || null)
      .default(""),
    plannedAgents: z.coerce.number().int().min(1).max(1_000_000),
    teachingBudget: zEuroCents("needs.errors.field.teachingBudget").default(0),
    venueBudget: zEuroCents("needs.errors.field.venueBudget").default(0),
    missionBudget: zEuroCents("needs.errors.field.missionBudget").default(0),
  })
  // A course's sessions or an online module is followed through its course; an external training has none.
  .refine((input) => input.kind === "EXTERNAL" || input.courseId !== null, { path: ["courseId"], message: "required" });
export type TCreatePlanActionInput = z.input<typeof ZCreatePlanActionInput>;

/**
 * A training officer plans an action in the institution's training plan of a campaign year, for
 * one theme and training type: the retained needs of that group not yet answered by another action
 * are attached to it (the agents it plans for). The course, when named, must be offered to the
 * institution (its own or national).
 */
export async function createPlanAction(actor: TActor, input: TCreatePlanActionInput) {
  const parsed = ZCreatePlanActionInput.safeParse(input);
  if (!parsed.success) throw invalidNeedsInput(parsed.error);
  const { campaignId, themeId, trainingType, kind, title, courseId, plannedAgents } = parsed.data;
  const campaign = await db.needsCampaign.findUnique({
    where: { id: campaignId },
    select: { id: true, institutionId: true },
  });
  if (!campaign) throw needsError("NOT_FOUND", "needs.errors.notFound");
  assertCan(actor, "needs.plan", { institutionId: campaign.institutionId });
  const [theme, course] = await Promise.all([
    db.theme.findUnique({ where: { id: themeId }, select: { id: true } }),
    courseId
      ? db.course.findFirst({
          where: { id: courseId, OR: [{ institutionId: campaign.institutionId }, { visibility: "NATIONAL" }] },
          select: { id: true },
        })
      : null,
  ]);
  if (!theme) throw needsError("INVALID", "needs.errors.field.themeId");
  if (courseId && !course) throw needsError("INVALID", "needs.errors.field.courseId");
  const [written] = await db.$transaction((tx) =>
    writePlanActions(tx, actor, campaign, [
      {
        themeId,
        trainingType,
        kind,
        title,
        courseId,
        plannedAgents,
        teachingBudgetCents: parsed.data.teachingBudget,
        venueBudgetCents: parsed.data.venueBudget,
        missionBudgetCents: parsed.data.missionBudget,
      },
    ]),
  );
  return written!;
}

type TTx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** One checked action of a campaign, ready to be written. */
export type TPlanActionToWrite = {
  themeId: string;
  trainingType: TrainingType;
  kind: PlanActionKind;
  title: string;
  courseId: string | null;
  plannedAgents: number;
  teachingBudgetCents: number;
  venueBudgetCents: number;
  missionBudgetCents: number;
};

/**
 * Writes checked actions of one campaign, in order, in the caller's transaction: the retained needs
 * of a group (theme and training type) not yet answered by another action go to the group's first
 * action written here, and an audit row per action says what was planned. A fixed number of
 * statements whatever the count (a plan import writes up to a thousand actions). Shared by the plan
 * page's form and the plan import (lib/needs/import-plan-actions.ts).
 */
export async function writePlanActions(
  tx: TTx,
  actor: TActor,
  campaign: { id: string; institutionId: string },
  actions: TPlanActionToWrite[],
) {
  if (actions.length === 0) return [];
  const { id: campaignId, institutionId } = campaign;
  // INSERT … RETURNING gives the rows back in the order of its VALUES.
  const created = await tx.trainingPlanAction.createManyAndReturn({
    data: actions.map((action) => ({ ...action, campaignId, institutionId, createdById: actor.userId })),
    select: { id: true },
  });
  const firstOfGroup = new Map<string, { id: string; themeId: string; trainingType: TrainingType }>();
  actions.forEach((action, index) => {
    const group = `${action.themeId}|${action.trainingType}`;
    if (!firstOfGroup.has(group))
      firstOfGroup.set(group, { id: created[index]!.id, themeId: action.themeId, trainingType: action.trainingType });
  });
  const groups = [...firstOfGroup.values()];
  const attachedRows = await tx.$queryRaw<{ planActionId: string }[]>(Prisma.sql`
    UPDATE "TrainingNeed" AS need SET "planActionId" = action.id
    FROM unnest(${groups.map((group) => group.id)}::text[], ${groups.map((group) => group.themeId)}::text[],
                ${groups.map((group) => group.trainingType)}::text[]) AS action(id, "themeId", "trainingType")
    WHERE need."campaignId" = ${campaignId} AND need."themeId" = action."themeId"
      AND need."trainingType"::text = action."trainingType"
      AND need."decision" = 'RETAINED' AND need."withdrawnAt" IS NULL AND need."planActionId" IS NULL
    RETURNING need."planActionId"`);
  const attachedTo = new Map<string, number>();
  for (const row of attachedRows) attachedTo.set(row.planActionId, (attachedTo.get(row.planActionId) ?? 0) + 1);
  await tx.auditLog.createMany({
    data: actions.map((action, index) => {
      const { themeId, trainingType, kind, title, courseId, plannedAgents } = action;
      const needs = attachedTo.get(created[index]!.id) ?? 0;
      return {
        actorId: actor.userId,
        action: "needs.plan.actionCreated",
        entityType: "TrainingPlanAction",
        entityId: created[index]!.id,
        institutionId,
        data: { campaignId, themeId, trainingType, kind, title, courseId, plannedAgents, needs },
      };
    }),
  });
  return created.map((row) => ({ id: row.id, attachedNeeds: attachedTo.get(row.id) ?? 0 }));
}
