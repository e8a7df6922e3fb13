// The statements Relais issues as the cmi5 LMS (cmi5 §9.3: launched, satisfied, abandoned,
// waived), pure. Every one has the cmi5 category, the registration and the session id (9.6).
import { randomUUID } from "node:crypto";
import { CMI5_CATEGORY, CMI5_EXTENSION, CMI5_VERB } from "./cmi5-vocabulary";

type TJson = Record<string, unknown>;

export function buildCmi5LmsStatement(options: {
  verb: "launched" | "satisfied" | "abandoned" | "waived";
  actor: TJson;
  registration: string;
  sessionId: string;
  object: { id: string; type?: string; name?: string };
  /** The publisher's id of the AU, block or course, in contextActivities.grouping (9.6.2.3). */
  publisherId: string;
  result?: TJson;
  extensions?: TJson;
  hasMoveOnCategory?: boolean;
  timestamp?: Date;
}): TJson {
  return {
    id: randomUUID(),
    timestamp: (options.timestamp ?? new Date()).toISOString(),
    actor: options.actor,
    verb: { id: CMI5_VERB[options.verb], display: { "en-US": options.verb } },
    object: {
      objectType: "Activity",
      id: options.object.id,
      ...(options.object.type
        ? {
            definition: {
              type: options.object.type,
              ...(options.object.name ? { name: { und: options.object.name } } : {}),
            },
          }
        : {}),
    },
    ...(options.result ? { result: options.result } : {}),
    context: {
      registration: options.registration,
      contextActivities: {
        category: [{ id: CMI5_CATEGORY.cmi5 }, ...(options.hasMoveOnCategory ? [{ id: CMI5_CATEGORY.moveOn }] : [])],
        grouping: [{ id: options.publisherId }],
      },
      extensions: { [CMI5_EXTENSION.sessionId]: options.sessionId, ...options.extensions },
    },
  };
}

/** ISO 8601 duration of a span, to the hundredth of a second. */
export function isoDurationBetween(start: Date, end: Date): string {
  return `PT${(Math.max(0, end.getTime() - start.getTime()) / 1000).toFixed(2)}S`;
}
