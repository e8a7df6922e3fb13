import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { db } from "../db";
import { authOptions } from "./options";
import type { TActor } from "./permissions";
import { AppError } from "../errors/app-error";

export async function loadActor(userId: string): Promise<TActor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      institutionId: true,
      memberships: { select: { role: true, institutionId: true, relaySiteId: true } },
    },
  });
  if (!user) return null;
  return { userId: user.id, email: user.email, name: user.name, institutionId: user.institutionId, memberships: user.memberships };
}

/** The signed-in person with their roles, loaded once per request; null when signed out. */
export const getActor = cache(async (): Promise<TActor | null> => {
  const session = (await getServerSession(authOptions())) as { userId?: string } | null;
  if (!session?.userId) return null;
  return loadActor(session.userId);
});

export async function requireActor(): Promise<TActor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in.");
  return actor;
}
