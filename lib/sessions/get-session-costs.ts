import "server-only";
import { db } from "../db";
import { can, type TActor } from "../auth/permissions";
import { sessionResource } from "./session-access";

/**
 * A session's recorded costs for its organisers (null for anyone else: costs are not shown to
 * trainees), and whether the viewer may change them.
 */
export async function getSessionCosts(
  actor: TActor,
  session: { id: string; siteId: string; course: { institutionId: string } },
) {
  if (!can(actor, "session.costs", sessionResource(session))) return null;
  const cost = await db.sessionCost.findUnique({
    where: { sessionId: session.id },
    select: { trainersCents: true, roomCents: true, cateringCents: true, travelCents: true, updatedAt: true },
  });
  const amounts = cost ?? { trainersCents: 0, roomCents: 0, cateringCents: 0, travelCents: 0, updatedAt: null };
  return {
    ...amounts,
    totalCents: amounts.trainersCents + amounts.roomCents + amounts.cateringCents + amounts.travelCents,
    isRecorded: cost !== null,
    canRecord: true,
  };
}
