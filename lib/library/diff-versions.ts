/** What an adapter is told changed between the upstream version they copied and the latest one. */
export type TUpstreamChange =
  | { kind: "title" | "summary" | "objectives" | "duration" | "completionRules" }
  | { kind: "activityAdded" | "activityRemoved" | "activityChanged"; title: string };

type TComparedActivity = {
  key: string;
  kind: string;
  title: string;
  titleEn: string | null;
  isRequired: boolean;
  content: unknown;
  videoAssetId: string | null;
  fileId: string | null;
};

export type TComparedVersion = {
  title: string;
  titleEn: string | null;
  summary: string;
  summaryEn: string | null;
  objectives: string;
  objectivesEn: string | null;
  declaredDurationMinutes: number;
  completionRules: unknown;
  modules: { activities: TComparedActivity[] }[];
};

/** Key-order-insensitive JSON, so that a re-saved but identical content is not reported as changed. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stable((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  return JSON.stringify(value ?? null);
}

/**
 * The changes from one upstream version to a later one. Activities are matched by their key,
 * which authoring keeps across versions: a key only in the later version was added, one only in
 * the earlier was removed, and one in both whose title, kind, content or media differ was changed.
 */
export function diffVersions(before: TComparedVersion, after: TComparedVersion): TUpstreamChange[] {
  const changes: TUpstreamChange[] = [];
  if (before.title !== after.title || before.titleEn !== after.titleEn) changes.push({ kind: "title" });
  if (before.summary !== after.summary || before.summaryEn !== after.summaryEn) changes.push({ kind: "summary" });
  if (before.objectives !== after.objectives || before.objectivesEn !== after.objectivesEn)
    changes.push({ kind: "objectives" });
  if (before.declaredDurationMinutes !== after.declaredDurationMinutes) changes.push({ kind: "duration" });
  if (stable(before.completionRules) !== stable(after.completionRules)) changes.push({ kind: "completionRules" });
  const activities = (version: TComparedVersion) =>
    new Map(version.modules.flatMap((module) => module.activities.map((activity) => [activity.key, activity])));
  const [old, latest] = [activities(before), activities(after)];
  for (const [key, activity] of latest) {
    const previous = old.get(key);
    if (!previous) changes.push({ kind: "activityAdded", title: activity.title });
    else if (stable({ ...previous, key: "" }) !== stable({ ...activity, key: "" }))
      changes.push({ kind: "activityChanged", title: activity.title });
  }
  for (const [key, activity] of old)
    if (!latest.has(key)) changes.push({ kind: "activityRemoved", title: activity.title });
  return changes;
}
