import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { institutionsWhere } from "../auth/permissions";

/** What the authoring forms offer: the themes, and the institutions where the actor may create courses. */
export async function listAuthoringOptions(actor: TActor) {
  const scope = institutionsWhere(actor, "course.create");
  const [themes, institutions] = await Promise.all([
    db.theme.findMany({ orderBy: { code: "asc" }, select: { code: true, nameFr: true, nameEn: true } }),
    scope !== "all" && scope.length === 0
      ? Promise.resolve([])
      : db.institution.findMany({
          where: scope === "all" ? {} : { id: { in: scope } },
          orderBy: { name: "asc" },
          select: { id: true, name: true },
        }),
  ]);
  return { themes, institutions };
}
