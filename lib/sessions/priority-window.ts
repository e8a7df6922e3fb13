import "server-only";
import type { TTransaction } from "../db";
import { localizedAppError } from "./localize-app-error";
import { timeZoneOf } from "../time/time-zone";

/**
 * A session pooled from training needs (lib/needs/create-pooled-session.ts) opens first to the
 * agents whose need it answers: until `priorityUntil`, anyone else is refused, with the date
 * registration opens to all. Read from TrainingNeed directly so that sessions do not import needs.
 */
export async function assertPriorityWindowAllows(
  tx: TTransaction,
  options: {
    session: { id: string; priorityUntil: Date | null; site: { institution: { timeZone: string } | null } };
    userId: string;
    now: Date;
  },
): Promise<void> {
  const { session, userId, now } = options;
  if (!session.priorityUntil || now >= session.priorityUntil) return;
  const answered = await tx.trainingNeed.count({
    where: { answeredBySessionId: session.id, userId, withdrawnAt: null },
  });
  if (answered > 0) return;
  const timeZone = timeZoneOf(session.site);
  throw localizedAppError(
    "CONFLICT",
    `Until ${session.priorityUntil.toISOString()}, registration is reserved for the agents whose need this session answers.`,
    // Day/month/year and 24-hour time read the same in French and British English.
    {
      messageKey: "sessions.priorityWindow",
      values: {
        date: new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "short", timeZone }).format(
          session.priorityUntil,
        ),
      },
    },
  );
}
