import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { invalidInput } from "../errors/invalid-input";
import { keyedError } from "../errors/localized-error";
import { notifyUsers } from "../notifications/notify-users";
import { hasNoNul } from "./needs-error";
import { parseSubjectKey, pooledNeedsWhere } from "./find-pooled-needs";

export const ZCommissionModuleInput = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  subject: z.string().min(1).max(60),
  title: z
    .string()
    .trim()
    .min(3, { message: "costs.errors.moduleTitle" })
    .max(200, { message: "costs.errors.moduleTitle" })
    .refine(hasNoNul, { message: "costs.errors.moduleTitle" }),
  brief: z
    .string()
    .trim()
    .min(10, { message: "costs.errors.brief" })
    .max(4000, { message: "costs.errors.brief" })
    .refine(hasNoNul, { message: "costs.errors.brief" }),
  institutionId: z
    .string()
    .min(1, { message: "costs.errors.institution" })
    .max(40, { message: "costs.errors.institution" }),
  trainerId: z.string().max(40, { message: "costs.errors.trainer" }).optional(),
});
export type TCommissionModuleInput = z.input<typeof ZCommissionModuleInput>;

const slugOf = (title: string) =>
  `${
    title
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 50) || "module"
  }-${randomUUID().slice(0, 6)}`;

/**
 * A national administrator commissions a national online module from a group of pooled needs:
 * the retained needs of the subject (a catalogue course, or the free needs of a theme) in every
 * region, still unanswered, are locked and marked answered by the commission, in one transaction
 * with the commission, the draft online course it creates in the commissioned institution (national
 * visibility, the trainer as its author), the notifications to the requesters and to the trainer,
 * and the audit row. Once the course is published, completing it satisfies those needs
 * (lib/indicators/load-needs-facts.ts). Two administrators commissioning the same needs at once:
 * the second finds none left and nothing of it is written.
 */
export async function commissionModule(actor: TActor, input: TCommissionModuleInput) {
  assertCan(actor, "needs.commission");
  const parsed = ZCommissionModuleInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { year, subject, title, brief, institutionId } = parsed.data;
  const trainerId = parsed.data.trainerId || null;
  const key = parseSubjectKey(subject);
  const [institution, trainer, course] = await Promise.all([
    db.institution.findUnique({ where: { id: institutionId }, select: { id: true, name: true } }),
    trainerId
      ? db.user.findFirst({
          where: { id: trainerId, memberships: { some: { role: "TRAINER", institutionId } } },
          select: { id: true },
        })
      : null,
    "courseId" in key
      ? db.course.findUnique({ where: { id: key.courseId }, select: { themeId: true, trainingType: true } })
      : null,
  ]);
  if (!institution) throw keyedError("INVALID", "costs.errors.institution");
  if (trainerId && !trainer) throw keyedError("INVALID", "costs.errors.trainer");
  if ("courseId" in key && !course) throw keyedError("INVALID", "costs.errors.commissionTheme");
  return db.$transaction(
    async (tx) => {
      const where = pooledNeedsWhere({ regionId: null, year, subject });
      const candidates = await tx.trainingNeed.findMany({ where, select: { id: true } });
      const ids = candidates.map((need) => need.id);
      await tx.$queryRaw`SELECT id FROM "TrainingNeed" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
      const needs = await tx.trainingNeed.findMany({
        where: { ...where, id: { in: ids } },
        select: { id: true, userId: true, themeId: true, trainingType: true },
      });
      if (needs.length === 0) throw keyedError("CONFLICT", "costs.errors.noNeeds");
      const created = await tx.course.create({
        data: {
          slug: slugOf(title),
          institutionId,
          themeId: course?.themeId ?? needs[0]!.themeId,
          trainingType: course?.trainingType ?? needs[0]!.trainingType,
          modality: "ONLINE",
          visibility: "NATIONAL",
          createdById: trainerId,
          versions: {
            create: {
              number: 1,
              status: "DRAFT",
              title,
              summary: brief,
              declaredDurationMinutes: 60,
              completionRules: { requiredActivities: "all", quizPassRequired: true, minimumMinutes: 0 },
            },
          },
        },
        select: { id: true },
      });
      const commission = await tx.moduleCommission.create({
        data: { year, subject, brief, institutionId, trainerId, courseId: created.id, createdById: actor.userId },
        select: { id: true },
      });
      await tx.trainingNeed.updateMany({
        where: { id: { in: needs.map((need) => need.id) } },
        data: { answeredByCommissionId: commission.id },
      });
      const params = { course: title, institution: institution.name };
      await notifyUsers(tx, {
        userIds: [...new Set(needs.map((need) => need.userId))],
        kind: "needCommissioned",
        link: "/needs",
        params,
      });
      if (trainerId)
        await notifyUsers(tx, {
          userIds: [trainerId],
          kind: "moduleCommissioned",
          link: `/trainer/courses/${created.id}`,
          params,
        });
      await tx.auditLog.create({
        data: {
          actorId: actor.userId,
          action: "needs.module.commissioned",
          entityType: "ModuleCommission",
          entityId: commission.id,
          institutionId,
          data: { year, subject, courseId: created.id, trainerId, needs: needs.length },
        },
      });
      return { commissionId: commission.id, courseId: created.id, needs: needs.length };
    },
    { timeout: 15_000 },
  );
}
