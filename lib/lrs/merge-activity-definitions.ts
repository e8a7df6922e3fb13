import "server-only";
// The Activities resource returns the merged definition of an activity (spec part three §2.5):
// each statement's definition is merged into what is known, language maps merged per language.
// One upsert per distinct activity of a batch, in the batch's transaction.
import type { TTransaction } from "../db";
import type { TJsonObject, TStoredStatement } from "./types";

const LANGUAGE_MAPS = ["name", "description"];

/** Later keys win, except language maps, which are merged per language (as the SQL below does). */
function mergeDefinition(previous: TJsonObject, next: TJsonObject): TJsonObject {
  const merged = { ...previous, ...next };
  for (const key of LANGUAGE_MAPS) {
    if (typeof previous[key] === "object" && typeof next[key] === "object")
      merged[key] = { ...(previous[key] as TJsonObject), ...(next[key] as TJsonObject) };
  }
  return merged;
}

function collectDefinitions(statement: TJsonObject, into: Map<string, TJsonObject>): void {
  const activities: TJsonObject[] = [];
  const object = statement.object as TJsonObject;
  if (object.objectType === undefined || object.objectType === "Activity") activities.push(object);
  if (object.objectType === "SubStatement") collectDefinitions(object, into);
  const lists = (statement.context as TJsonObject | undefined)?.contextActivities as TJsonObject | undefined;
  if (lists)
    for (const list of Object.values(lists))
      activities.push(...((Array.isArray(list) ? list : [list]) as TJsonObject[]));
  for (const activity of activities) {
    if (!activity.definition) continue;
    const id = activity.id as string;
    into.set(id, mergeDefinition(into.get(id) ?? {}, activity.definition as TJsonObject));
  }
}

export async function mergeActivityDefinitions(tx: TTransaction, statements: TStoredStatement[]): Promise<void> {
  const definitions = new Map<string, TJsonObject>();
  for (const statement of statements) collectDefinitions(statement, definitions);
  if (definitions.size === 0) return;
  const ids = [...definitions.keys()];
  const values = ids.map((id) => JSON.stringify(definitions.get(id)));
  // Sorted ids: concurrent batches lock the rows in the same order (no deadlock).
  await tx.$executeRaw`
    INSERT INTO "XapiActivity" ("id", "definition", "updatedAt")
    SELECT id, definition::jsonb, now() FROM unnest(${ids}::text[], ${values}::text[]) AS t(id, definition) ORDER BY id
    ON CONFLICT ("id") DO UPDATE SET "updatedAt" = now(), "definition" = "XapiActivity"."definition" || EXCLUDED."definition"
      || CASE WHEN "XapiActivity"."definition" ? 'name' AND EXCLUDED."definition" ? 'name'
           THEN jsonb_build_object('name', ("XapiActivity"."definition"->'name') || (EXCLUDED."definition"->'name')) ELSE '{}'::jsonb END
      || CASE WHEN "XapiActivity"."definition" ? 'description' AND EXCLUDED."definition" ? 'description'
           THEN jsonb_build_object('description', ("XapiActivity"."definition"->'description') || (EXCLUDED."definition"->'description')) ELSE '{}'::jsonb END`;
}
