import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { can } from "../auth/permissions";
import { needsError } from "./needs-error";
import { NEED_ROW_SELECT, toNeedRow } from "./need-view";

/**
 * The officer's view of a campaign: the institution's campaigns, and one campaign's needs, those
 * still undecided first, a page at a time (`take`, default 100; `total` says how many there are).
 */
export async function listInstitutionNeeds(
  actor: TActor,
  options: { institutionId: string; year?: number; take?: number },
) {
  assertCan(actor, "needs.decide", { institutionId: options.institutionId });
  const institution = await db.institution.findUnique({
    where: { id: options.institutionId },
    select: { id: true, name: true },
  });
  if (!institution) throw needsError("NOT_FOUND", "needs.errors.notFound");
  const campaigns = await db.needsCampaign.findMany({
    where: { institutionId: institution.id },
    orderBy: { year: "desc" },
    select: { id: true, year: true, opensAt: true, closesAt: true, instructions: true },
  });
  const campaign = campaigns.find((candidate) => candidate.year === options.year) ?? campaigns[0] ?? null;
  const where = { campaignId: campaign?.id ?? "", withdrawnAt: null };
  const [needs, total] = campaign
    ? await Promise.all([
        db.trainingNeed.findMany({
          where,
          orderBy: [{ decision: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
          take: options.take ?? 100,
          select: NEED_ROW_SELECT,
        }),
        db.trainingNeed.count({ where }),
      ])
    : [[], 0];
  return {
    institution,
    campaigns,
    campaign,
    canManageCampaign: can(actor, "needs.campaign.manage", { institutionId: institution.id }),
    total,
    needs: needs.map((need) => {
      const row = toNeedRow(need);
      return { ...row, canDecide: row.answeredBySessionId === null && row.stage !== "COMMISSIONED" };
    }),
  };
}
