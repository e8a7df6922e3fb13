import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { PlanActionKind, TrainingType } from "../db/generated/enums";
import { hasNoNul, invalidNeedsInput, needsError } from "./needs-error";

/** An amount in euros as people type it ("1 200,50", "1200.5", "") → whole cents; at most 100 M€. */
const ZEuros = z.preprocess(
  (value) => (typeof value === "string" ? value.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".") || "0" : value),
  z.coerce
    .number()
    .min(0)
    .max(100_000_000)
    .transform((euros) => Math.round(euros * 100)),
);

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
    teachingBudget: ZEuros.default(0),
    venueBudget: ZEuros.default(0),
    missionBudget: ZEuros.default(0),
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
  return db.$transaction((tx) =>
    writePlanAction(tx, actor, {
      campaignId,
      institutionId: campaign.institutionId,
      themeId,
      trainingType,
      kind,
      title,
      courseId,
      plannedAgents,
      teachingBudgetCents: parsed.data.teachingBudget,
      venueBudgetCents: parsed.data.venueBudget,
      missionBudgetCents: parsed.data.missionBudget,
    }),
  );
}

type TTx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * Writes one checked action in the caller's transaction: the group's retained needs not yet
 * answered by another action are attached to it, and an audit row says what was planned. Shared
 * by the plan page's form and the plan import (lib/needs/import-plan-actions.ts).
 */
export async function writePlanAction(
  tx: TTx,
  actor: TActor,
  action: {
    campaignId: string;
    institutionId: string;
    themeId: string;
    trainingType: TrainingType;
    kind: PlanActionKind;
    title: string;
    courseId: string | null;
    plannedAgents: number;
    teachingBudgetCents: number;
    venueBudgetCents: number;
    missionBudgetCents: number;
  },
) {
  const { campaignId, institutionId, themeId, trainingType, kind, title, courseId, plannedAgents } = action;
  const created = await tx.trainingPlanAction.create({
    data: { ...action, createdById: actor.userId },
    select: { id: true },
  });
  const attached = await tx.trainingNeed.updateMany({
    where: { campaignId, themeId, trainingType, decision: "RETAINED", withdrawnAt: null, planActionId: null },
    data: { planActionId: created.id },
  });
  await tx.auditLog.create({
    data: {
      actorId: actor.userId,
      action: "needs.plan.actionCreated",
      entityType: "TrainingPlanAction",
      entityId: created.id,
      institutionId,
      data: { campaignId, themeId, trainingType, kind, title, courseId, plannedAgents, needs: attached.count },
    },
  });
  return { id: created.id, attachedNeeds: attached.count };
}
