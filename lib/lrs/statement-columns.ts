// The indexed columns of a stored statement, extracted once at write time so that every query
// filter of GET /statements is an index lookup (never a scan of the JSON).
import { agentIfi, agentIfis } from "./agent-ifi";
import type { TJsonObject, TStoredStatement } from "./types";

export type TStatementColumns = {
  actorIfi: string | null;
  verbId: string;
  objectActivityId: string | null;
  objectStatementId: string | null;
  registration: string | null;
  relatedAgents: string[];
  relatedActivities: string[];
};

function isActivity(object: TJsonObject): boolean {
  return object.objectType === undefined || object.objectType === "Activity";
}

function contextActivityIds(context: TJsonObject | undefined): string[] {
  const lists = context?.contextActivities as Record<string, unknown> | undefined;
  if (!lists) return [];
  return Object.values(lists)
    .flatMap((list) => (Array.isArray(list) ? list : [list]))
    .map((activity) => (activity as TJsonObject).id as string);
}

function contextAgentIfis(context: TJsonObject | undefined): string[] {
  if (!context) return [];
  return [...agentIfis(context.instructor), ...agentIfis(context.team)];
}

/** Agents and activities of a statement or sub-statement body (spec §2.1.3 related_* rules). */
function related(body: TJsonObject): { agents: string[]; activities: string[] } {
  const object = body.object as TJsonObject;
  const context = body.context as TJsonObject | undefined;
  const agents = [...agentIfis(body.actor), ...contextAgentIfis(context)];
  const activities = contextActivityIds(context);
  if (isActivity(object)) activities.push(object.id as string);
  else if (object.objectType === "Agent" || object.objectType === "Group") agents.push(...agentIfis(object));
  else if (object.objectType === "SubStatement") {
    const inner = related(object);
    agents.push(...inner.agents);
    activities.push(...inner.activities);
  }
  return { agents, activities };
}

export function extractStatementColumns(statement: TStoredStatement): TStatementColumns {
  const object = statement.object;
  const { agents, activities } = related(statement);
  agents.push(...agentIfis(statement.authority));
  return {
    actorIfi: agentIfi(statement.actor),
    verbId: statement.verb.id,
    objectActivityId: isActivity(object) ? (object.id as string) : null,
    objectStatementId: object.objectType === "StatementRef" ? (object.id as string).toLowerCase() : null,
    registration:
      typeof statement.context?.registration === "string" ? statement.context.registration.toLowerCase() : null,
    relatedAgents: [...new Set(agents)],
    relatedActivities: [...new Set(activities)],
  };
}
