import "server-only";
import { db } from "../db";
import { sitesWhere, type TActor } from "../auth/permissions";

/** What the session form offers: the actor's sites and rooms, published in-person/hybrid course versions, trainers. */
export async function getSchedulingOptions(actor: TActor) {
  const sites = sitesWhere(actor, "session.schedule");
  if (sites !== "all" && sites.length === 0) return { sites: [], versions: [], trainers: [] };
  const [siteRows, versions, trainers] = await Promise.all([
    db.relaySite.findMany({
      where: sites === "all" ? {} : { id: { in: sites } },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        rooms: { orderBy: { name: "asc" }, select: { id: true, name: true, capacity: true } },
      },
    }),
    db.courseVersion.findMany({
      where: { status: "PUBLISHED", course: { modality: { not: "ONLINE" } } },
      orderBy: { title: "asc" },
      select: { id: true, title: true, titleEn: true },
    }),
    db.user.findMany({
      where: { memberships: { some: { role: "TRAINER" } } },
      orderBy: { name: "asc" },
      take: 300,
      select: { id: true, name: true },
    }),
  ]);
  return { sites: siteRows, versions, trainers };
}
