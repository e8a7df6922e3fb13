/** Where a planned action stands, read from its real enrolments, sessions and attendances. */
export type TPlanActionStatus = "DONE" | "IN_PROGRESS" | "NOT_STARTED" | "NOT_TRACKED";

/**
 * The plan's execution rule: an action is done once as many agents of the institution were trained
 * (completed the online course, or attended a half-day of one of its sessions, within the plan's
 * year) as it planned; in progress when some were, or agents are enrolled or registered, or one of
 * its sessions is scheduled in the year; not started otherwise. An external training (no course in
 * Relais) is done once the training officer marked it done (with the agents who followed it:
 * lib/needs/mark-external-done.ts), not started until then.
 */
export function planActionStatus(options: {
  hasCourse: boolean;
  plannedAgents: number;
  trainedAgents: number;
  ongoingAgents: number;
  sessions: number;
  isExternalDone?: boolean;
}): TPlanActionStatus {
  if (!options.hasCourse) return options.isExternalDone ? "DONE" : "NOT_STARTED";
  if (options.trainedAgents >= options.plannedAgents) return "DONE";
  if (options.trainedAgents > 0 || options.ongoingAgents > 0 || options.sessions > 0) return "IN_PROGRESS";
  return "NOT_STARTED";
}

/** The realisation rate of a set of tracked actions: agents trained (capped at planned per action) / agents planned. */
export function planRealisationRate(actions: { plannedAgents: number; trainedAgents: number }[]): number | null {
  const planned = actions.reduce((sum, action) => sum + action.plannedAgents, 0);
  if (planned === 0) return null;
  const trained = actions.reduce((sum, action) => sum + Math.min(action.trainedAgents, action.plannedAgents), 0);
  return trained / planned;
}
