// The IRIs of cmi5 (cmi5 §9: verbs, §9.6 context, §9.5 result extensions) and how Relais, as the
// LMS, names a cmi5 course's activities. The LMS's activity ids are its own (8.1.5.0-3: never the
// publisher's id), stable for a package and an AU (8.1.5.0-4: the same in every launch).
import { xapiBaseUrl } from "../lrs/xapi-identifiers";

export const CMI5_VERB = {
  launched: "http://adlnet.gov/expapi/verbs/launched",
  initialized: "http://adlnet.gov/expapi/verbs/initialized",
  completed: "http://adlnet.gov/expapi/verbs/completed",
  passed: "http://adlnet.gov/expapi/verbs/passed",
  failed: "http://adlnet.gov/expapi/verbs/failed",
  abandoned: "https://w3id.org/xapi/adl/verbs/abandoned",
  waived: "https://w3id.org/xapi/adl/verbs/waived",
  terminated: "http://adlnet.gov/expapi/verbs/terminated",
  satisfied: "https://w3id.org/xapi/adl/verbs/satisfied",
  voided: "http://adlnet.gov/expapi/verbs/voided",
} as const;
export type TCmi5Verb = keyof typeof CMI5_VERB;

export const CMI5_CATEGORY = {
  cmi5: "https://w3id.org/xapi/cmi5/context/categories/cmi5",
  moveOn: "https://w3id.org/xapi/cmi5/context/categories/moveon",
} as const;

export const CMI5_EXTENSION = {
  sessionId: "https://w3id.org/xapi/cmi5/context/extensions/sessionid",
  masteryScore: "https://w3id.org/xapi/cmi5/context/extensions/masteryscore",
  launchMode: "https://w3id.org/xapi/cmi5/context/extensions/launchmode",
  launchUrl: "https://w3id.org/xapi/cmi5/context/extensions/launchurl",
  moveOn: "https://w3id.org/xapi/cmi5/context/extensions/moveon",
  launchParameters: "https://w3id.org/xapi/cmi5/context/extensions/launchparameters",
  reason: "https://w3id.org/xapi/cmi5/result/extensions/reason",
} as const;

export const CMI5_ACTIVITY_TYPE = {
  block: "https://w3id.org/xapi/cmi5/activitytype/block",
  course: "https://w3id.org/xapi/cmi5/activitytype/course",
} as const;

export const CMI5_LAUNCH_MODES = ["Normal", "Browse", "Review"] as const;
export type TCmi5LaunchMode = (typeof CMI5_LAUNCH_MODES)[number];

export const cmi5ActivityId = {
  course: (packageId: string) => `${xapiBaseUrl()}/xapi/activities/cmi5/${encodeURIComponent(packageId)}`,
  block: (packageId: string, index: number) => `${cmi5ActivityId.course(packageId)}/blocks/${index}`,
  au: (packageId: string, index: number) => `${cmi5ActivityId.course(packageId)}/aus/${index}`,
};
