import "server-only";
// A person with their roles, as lib/auth/permissions.ts reads them. No next-auth here: jobs and
// scripts (a pg-boss worker, the demo seed's publication) load the actor they act for by id.
import { db } from "../db";
import type { TActor } from "./permissions";

export async function loadActor(userId: string): Promise<TActor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      institutionId: true,
      memberships: { select: { role: true, institutionId: true, relaySiteId: true, regionId: true } },
    },
  });
  if (!user) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    institutionId: user.institutionId,
    memberships: user.memberships,
  };
}
