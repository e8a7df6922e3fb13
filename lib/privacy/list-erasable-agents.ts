import "server-only";
import { z } from "zod";
import { db } from "../db";
import { institutionsWhere, type TActor } from "../auth/permissions";

export const ZListErasableAgentsInput = z.object({ query: z.string().trim().max(200).default("") });

export type TErasableAgent = { id: string; name: string; email: string; canErase: boolean };

/**
 * The agents a training officer may erase (lib/privacy/erase-agent.ts decides the same rule):
 * not yet erased, of the officer's institution, holding no role but agent. Searched by name or
 * e-mail; nothing is listed without a search, so the page never shows the whole staff at once.
 */
export async function listErasableAgents(actor: TActor, input: z.input<typeof ZListErasableAgentsInput>) {
  const { query } = ZListErasableAgentsInput.parse(input);
  const institutions = institutionsWhere(actor, "privacy.erase");
  if (query.length < 2 || institutions === "all" || institutions.length === 0) return [];
  const users = await db.user.findMany({
    where: {
      institutionId: { in: institutions },
      erasedAt: null,
      id: { not: actor.userId },
      memberships: { none: { role: { not: "AGENT" } } },
      OR: [{ email: { contains: query, mode: "insensitive" } }, { name: { contains: query, mode: "insensitive" } }],
    },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
    take: 20,
  });
  return users.map((user): TErasableAgent => ({ ...user, canErase: true }));
}
