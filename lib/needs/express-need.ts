import "server-only";
import { z } from "zod";
import { TrainingType } from "../db/generated/enums";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { courseWhereForActor } from "../catalog/course-where";
import { hasNoNul, invalidNeedsInput, needsError } from "./needs-error";

const TRAINING_TYPES = Object.values(TrainingType);

const optionalId = z
  .string()
  .max(40)
  .optional()
  .transform((value) => value || undefined);

export const ZExpressNeedInput = z
  .object({
    campaignId: z.string().min(1).max(40),
    courseId: optionalId,
    title: z.string().trim().max(200).refine(hasNoNul).default(""),
    themeId: optionalId,
    trainingType: z
      .enum(TRAINING_TYPES)
      .optional()
      .or(z.literal("").transform(() => undefined)),
    priority: z.enum(["HIGH", "MEDIUM", "LOW"]),
    justification: z.string().trim().min(1).max(2000).refine(hasNoNul),
  })
  // A free need says what is needed, its theme and its type; a catalogue course carries them.
  .refine((input) => input.courseId || input.title.length > 0, { path: ["title"], message: "required" })
  .refine((input) => input.courseId || input.themeId, { path: ["themeId"], message: "required" })
  .refine((input) => input.courseId || input.trainingType, { path: ["trainingType"], message: "required" });
export type TExpressNeedInput = z.input<typeof ZExpressNeedInput>;

/**
 * An agent expresses a training need in their institution's campaign, while it is open: a
 * catalogue course they may see (its theme and training type are the need's), or a free need.
 * The agent's staff category, population and sex are copied for the equal-access indicators.
 */
export async function expressNeed(actor: TActor, input: TExpressNeedInput, now = new Date()) {
  const parsed = ZExpressNeedInput.safeParse(input);
  if (!parsed.success) throw invalidNeedsInput(parsed.error);
  const data = parsed.data;
  assertCan(actor, "needs.express", { userId: actor.userId });
  const campaign = await db.needsCampaign.findUnique({
    where: { id: data.campaignId },
    select: { id: true, institutionId: true, opensAt: true, closesAt: true },
  });
  if (!campaign || campaign.institutionId !== actor.institutionId)
    throw needsError("NOT_FOUND", "needs.errors.notFound");
  if (now < campaign.opensAt || now >= campaign.closesAt) throw needsError("CONFLICT", "needs.errors.campaignClosed");

  let subject: { courseId: string | null; themeId: string; trainingType: TrainingType };
  if (data.courseId) {
    const course = await db.course.findFirst({
      where: { AND: [{ id: data.courseId }, courseWhereForActor(actor)] },
      select: { id: true, themeId: true, trainingType: true },
    });
    if (!course) throw needsError("INVALID", "needs.errors.field.courseId");
    subject = { courseId: course.id, themeId: course.themeId, trainingType: course.trainingType };
  } else {
    const theme = await db.theme.findUnique({ where: { id: data.themeId! }, select: { id: true } });
    if (!theme) throw needsError("INVALID", "needs.errors.field.themeId");
    subject = { courseId: null, themeId: theme.id, trainingType: data.trainingType! };
  }
  const agent = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { staffCategory: true, population: true, sex: true },
  });
  return db.$transaction(async (tx) => {
    const need = await tx.trainingNeed.create({
      data: {
        campaignId: campaign.id,
        institutionId: campaign.institutionId,
        userId: actor.userId,
        ...subject,
        title: data.courseId ? "" : data.title,
        priority: data.priority,
        justification: data.justification,
        staffCategory: agent.staffCategory,
        population: agent.population,
        sex: agent.sex,
      },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "needs.need.expressed",
        entityType: "TrainingNeed",
        entityId: need.id,
        institutionId: campaign.institutionId,
        data: { campaignId: campaign.id, courseId: subject.courseId, priority: data.priority },
      },
    });
    return need;
  });
}
