// Statement comparison (spec part two §2.3.1 and the "Statement comparison requirements"):
// properties set by the LRS (id, stored, authority, version) are ignored, as is the order of
// properties; timestamps are compared as instants, and only when the new statement has one.
import { parseTimestamp } from "./xapi-formats";
import type { TJsonObject } from "./types";

const IGNORED = new Set(["id", "stored", "authority", "version", "timestamp"]);

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as TJsonObject)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Data §4.2.7: durations compare at 0.01 s precision ("PT0.1237S" equals "PT0.12S"). */
export function durationForComparison(duration: string): string {
  return duration.replace(/(\d+)(?:\.(\d+))?S$/, (_, whole: string, fraction: string | undefined) => {
    const hundredths = (fraction ?? "").slice(0, 2).replace(/0+$/, "");
    return `${whole}${hundredths ? `.${hundredths}` : ""}S`;
  });
}

function withComparableDuration(statement: TJsonObject): TJsonObject {
  const result = statement.result as TJsonObject | undefined;
  const object = statement.object as TJsonObject | undefined;
  return {
    ...statement,
    ...(result && typeof result.duration === "string"
      ? { result: { ...result, duration: durationForComparison(result.duration) } }
      : {}),
    ...(object?.objectType === "SubStatement" ? { object: withComparableDuration(object) } : {}),
  };
}

function withoutLrsProperties(statement: TJsonObject): TJsonObject {
  return withComparableDuration(Object.fromEntries(Object.entries(statement).filter(([key]) => !IGNORED.has(key))));
}

export function isSameStatement(stored: TJsonObject, incoming: TJsonObject): boolean {
  if (
    incoming.timestamp !== undefined &&
    parseTimestamp(stored.timestamp)?.getTime() !== parseTimestamp(incoming.timestamp)?.getTime()
  )
    return false;
  return canonicalJson(withoutLrsProperties(stored)) === canonicalJson(withoutLrsProperties(incoming));
}
