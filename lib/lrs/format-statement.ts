// The three response formats of GET /statements (spec part three §2.1.3): exact (as stored),
// ids (agents and activities reduced to their identifiers) and canonical (one language per map,
// chosen from Accept-Language).
import { agentIdentity } from "./agent-ifi";
import type { TJsonObject, TStoredStatement } from "./types";

export type TStatementFormat = "exact" | "ids" | "canonical";

const AGENT_KEYS = ["actor", "authority"];

function idsOf(body: TJsonObject): TJsonObject {
  const result: TJsonObject = { ...body };
  for (const key of AGENT_KEYS) if (body[key]) result[key] = agentIdentity(body[key] as TJsonObject);
  // Verbs too are reduced to their id (a SHOULD in 1.0.3, a MUST in 2.0).
  if (body.verb) result.verb = { id: (body.verb as TJsonObject).id };
  const object = body.object as TJsonObject;
  if (object.objectType === undefined || object.objectType === "Activity") result.object = { id: object.id };
  else if (object.objectType === "Agent" || object.objectType === "Group") result.object = agentIdentity(object);
  else if (object.objectType === "SubStatement") result.object = idsOf(object);
  const context = body.context as TJsonObject | undefined;
  if (context) {
    const newContext: TJsonObject = { ...context };
    if (context.instructor) newContext.instructor = agentIdentity(context.instructor as TJsonObject);
    if (context.team) newContext.team = agentIdentity(context.team as TJsonObject);
    if (context.contextActivities) {
      newContext.contextActivities = Object.fromEntries(
        Object.entries(context.contextActivities as TJsonObject).map(([key, list]) => [
          key,
          (Array.isArray(list) ? list : [list]).map((activity) => ({ id: (activity as TJsonObject).id })),
        ]),
      );
    }
    result.context = newContext;
  }
  return result;
}

/** Picks one entry of a language map: the first accepted language present, else the first entry. */
function pickLanguage(map: Record<string, string>, languages: string[]): Record<string, string> {
  const entries = Object.entries(map);
  for (const language of languages) {
    const exact = entries.find(([tag]) => tag.toLowerCase() === language);
    if (exact) return { [exact[0]]: exact[1] };
    const prefix = entries.find(([tag]) => tag.toLowerCase().split("-")[0] === language.split("-")[0]);
    if (prefix) return { [prefix[0]]: prefix[1] };
  }
  return entries.length > 0 ? { [entries[0]![0]]: entries[0]![1] } : {};
}

const LANGUAGE_MAP_KEYS = new Set(["display", "name", "description"]);

function canonicalOf(value: unknown, languages: string[], key = ""): unknown {
  if (Array.isArray(value)) return value.map((item) => canonicalOf(item, languages));
  if (typeof value !== "object" || value === null) return value;
  if (LANGUAGE_MAP_KEYS.has(key) && Object.values(value).every((text) => typeof text === "string"))
    return pickLanguage(value as Record<string, string>, languages);
  // Extensions are opaque to the LRS: left untouched.
  if (key === "extensions") return value;
  return Object.fromEntries(
    Object.entries(value).map(([childKey, child]) => [childKey, canonicalOf(child, languages, childKey)]),
  );
}

/** Accept-Language → ordered lowercase tags. */
export function parseAcceptLanguage(header: string | null): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const quality = Number(
        params
          .find((param) => param.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: (tag ?? "").toLowerCase(), quality: Number.isNaN(quality) ? 0 : quality };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality)
    .map((entry) => entry.tag);
}

export function formatStatement(
  statement: TStoredStatement,
  format: TStatementFormat,
  languages: string[],
): TJsonObject {
  if (format === "ids") return idsOf(statement);
  if (format === "canonical") return canonicalOf(statement, languages) as TJsonObject;
  return statement;
}
