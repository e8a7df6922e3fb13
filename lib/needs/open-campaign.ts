import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { hasNoNul, invalidNeedsInput, needsError } from "./needs-error";

export const ZOpenCampaignInput = z
  .object({
    institutionId: z.string().min(1).max(40),
    year: z.coerce.number().int().min(2000).max(2100),
    opensAt: z.coerce.date(),
    closesAt: z.coerce.date(),
    instructions: z.string().trim().max(5000).refine(hasNoNul).default(""),
  })
  .refine((input) => input.closesAt > input.opensAt, { path: ["closesAt"], message: "after opening" });
export type TOpenCampaignInput = z.input<typeof ZOpenCampaignInput>;

/**
 * A training officer opens (or re-dates) the institution's needs campaign of a year: agents
 * express needs between its dates. One campaign per institution and year.
 */
export async function openCampaign(actor: TActor, input: TOpenCampaignInput) {
  const parsed = ZOpenCampaignInput.safeParse(input);
  if (!parsed.success) throw invalidNeedsInput(parsed.error);
  const { institutionId, year, opensAt, closesAt, instructions } = parsed.data;
  assertCan(actor, "needs.campaign.manage", { institutionId });
  const institution = await db.institution.findUnique({ where: { id: institutionId }, select: { id: true } });
  if (!institution) throw needsError("NOT_FOUND", "needs.errors.notFound");
  return db.$transaction(async (tx) => {
    const campaign = await tx.needsCampaign.upsert({
      where: { institutionId_year: { institutionId, year } },
      create: { institutionId, year, opensAt, closesAt, instructions, createdById: actor.userId },
      update: { opensAt, closesAt, instructions },
      select: { id: true, year: true },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "needs.campaign.opened",
        entityType: "NeedsCampaign",
        entityId: campaign.id,
        institutionId,
        data: { year, opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() },
      },
    });
    return campaign;
  });
}
