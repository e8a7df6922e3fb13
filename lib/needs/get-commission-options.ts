import "server-only";
import { db } from "../db";
import { can, type TActor } from "../auth/permissions";

/**
 * What the commission form offers a national administrator: every institution, and the trainers
 * of each (at most 500, by institution then name). Null for anyone who may not commission.
 */
export async function getCommissionOptions(actor: TActor) {
  if (!can(actor, "needs.commission")) return null;
  const [institutions, trainers] = await Promise.all([
    db.institution.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.roleMembership.findMany({
      where: { role: "TRAINER", institutionId: { not: null }, user: { erasedAt: null } },
      orderBy: [{ institution: { name: "asc" } }, { user: { name: "asc" } }],
      take: 500,
      select: {
        institutionId: true,
        institution: { select: { name: true } },
        user: { select: { id: true, name: true } },
      },
    }),
  ]);
  return {
    institutions,
    trainers: trainers.map((row) => ({
      id: row.user.id,
      name: row.user.name,
      institutionId: row.institutionId!,
      institution: row.institution?.name ?? "",
    })),
  };
}
