import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { courseWhereForActor, LATEST_PUBLISHED_VERSION } from "../catalog/course-where";
import { NEED_ROW_SELECT, toNeedRow } from "./need-view";

/**
 * The agent's needs page: their institution's campaigns (the open one, if any, takes new needs),
 * their needs with where each stands, and the choices of the form (catalogue courses, themes).
 */
export async function getMyNeeds(actor: TActor, now = new Date()) {
  assertCan(actor, "needs.express", { userId: actor.userId });
  const institutionId = actor.institutionId;
  const [campaigns, needs, courses, themes] = await Promise.all([
    institutionId
      ? db.needsCampaign.findMany({
          where: { institutionId },
          orderBy: { year: "desc" },
          select: { id: true, year: true, opensAt: true, closesAt: true, instructions: true },
        })
      : [],
    db.trainingNeed.findMany({
      where: { userId: actor.userId },
      orderBy: { createdAt: "desc" },
      select: NEED_ROW_SELECT,
    }),
    db.course.findMany({
      where: courseWhereForActor(actor),
      select: { id: true, versions: { ...LATEST_PUBLISHED_VERSION, select: { title: true, titleEn: true } } },
    }),
    db.theme.findMany({ orderBy: { nameFr: "asc" }, select: { id: true, nameFr: true, nameEn: true } }),
  ]);
  const openCampaign = campaigns.find((campaign) => campaign.opensAt <= now && now < campaign.closesAt) ?? null;
  return {
    openCampaign,
    nextCampaign: openCampaign ? null : (campaigns.find((campaign) => campaign.opensAt > now) ?? null),
    canExpress: openCampaign !== null,
    needs: needs.map((need) => {
      const row = toNeedRow(need);
      return { ...row, canWithdraw: row.stage !== "WITHDRAWN" };
    }),
    courses: courses
      .flatMap((course) => (course.versions[0] ? [{ id: course.id, ...course.versions[0] }] : []))
      .sort((a, b) => a.title.localeCompare(b.title, "fr")),
    themes,
  };
}
