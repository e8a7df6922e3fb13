// The xAPI vocabulary of Relais's player: ADL verbs, the xAPI Video Profile
// (https://w3id.org/xapi/video) verbs and extensions, and the activity types. Shared by the
// browser (which sends) and the projection (which reads): no server-only import here.
export const VERB = {
  launched: "http://adlnet.gov/expapi/verbs/launched",
  initialized: "http://adlnet.gov/expapi/verbs/initialized",
  progressed: "http://adlnet.gov/expapi/verbs/progressed",
  completed: "http://adlnet.gov/expapi/verbs/completed",
  answered: "http://adlnet.gov/expapi/verbs/answered",
  passed: "http://adlnet.gov/expapi/verbs/passed",
  failed: "http://adlnet.gov/expapi/verbs/failed",
  terminated: "http://adlnet.gov/expapi/verbs/terminated",
  played: "https://w3id.org/xapi/video/verbs/played",
  paused: "https://w3id.org/xapi/video/verbs/paused",
  seeked: "https://w3id.org/xapi/video/verbs/seeked",
} as const;

export const VERB_DISPLAY: Record<keyof typeof VERB, string> = {
  launched: "launched",
  initialized: "initialized",
  progressed: "progressed",
  completed: "completed",
  answered: "answered",
  passed: "passed",
  failed: "failed",
  terminated: "terminated",
  played: "played",
  paused: "paused",
  seeked: "seeked",
};

export const ACTIVITY_TYPE = {
  course: "http://adlnet.gov/expapi/activities/course",
  lesson: "http://adlnet.gov/expapi/activities/lesson",
  module: "http://adlnet.gov/expapi/activities/module",
  assessment: "http://adlnet.gov/expapi/activities/assessment",
  question: "http://adlnet.gov/expapi/activities/cmi.interaction",
  video: "https://w3id.org/xapi/video/activity-type/video",
  file: "http://adlnet.gov/expapi/activities/file",
} as const;

export const EXTENSION = {
  videoTime: "https://w3id.org/xapi/video/extensions/time",
  videoTimeFrom: "https://w3id.org/xapi/video/extensions/time-from",
  videoTimeTo: "https://w3id.org/xapi/video/extensions/time-to",
  videoProgress: "https://w3id.org/xapi/video/extensions/progress",
  videoPlayedSegments: "https://w3id.org/xapi/video/extensions/played-segments",
  videoLength: "https://w3id.org/xapi/video/extensions/length",
  videoSessionId: "https://w3id.org/xapi/video/extensions/session-id",
  /** cmi5's progress extension is not for us; ADL's `progressed` carries progress as a 0–100 integer here. */
  progress: "https://w3id.org/xapi/cmi5/result/extensions/progress",
} as const;

export const PLATFORM = "Relais";

/** ISO 8601 duration (as in result.duration) → seconds; null when not a duration. */
export function parseIsoDurationSeconds(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const match = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
    value,
  );
  if (!match || value === "P" || value.endsWith("T")) return null;
  const [, days, hours, minutes, seconds] = match;
  return Number(days ?? 0) * 86_400 + Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0);
}

export function toIsoDuration(seconds: number): string {
  return `PT${Math.max(0, Math.round(seconds * 100) / 100)}S`;
}
