// Builds the player's statements. Pure and isomorphic: the browser uses it to queue statements,
// the server to record quiz results, the tests to feed the projection.
import { ACTIVITY_TYPE, PLATFORM, VERB, VERB_DISPLAY } from "./xapi-vocabulary";

export type TStatementAgent = { objectType?: "Agent"; name?: string; account: { homePage: string; name: string } };
export type TPlayerContext = {
  actor: TStatementAgent;
  registration: string;
  course: { id: string; name: string };
  language: string;
};
export type TStatementInput = {
  verb: keyof typeof VERB;
  object: { id: string; type: string; name: string };
  result?: Record<string, unknown>;
  contextExtensions?: Record<string, unknown>;
  /** Client-generated, so a retried send is recognised by the LRS and never duplicated. */
  id?: string;
  timestamp?: string;
};

export function buildStatement(context: TPlayerContext, input: TStatementInput) {
  const isCourse = input.object.id === context.course.id;
  return {
    id: input.id ?? crypto.randomUUID(),
    timestamp: input.timestamp ?? new Date().toISOString(),
    actor: {
      objectType: "Agent" as const,
      ...(context.actor.name ? { name: context.actor.name } : {}),
      account: context.actor.account,
    },
    verb: { id: VERB[input.verb], display: { "en-US": VERB_DISPLAY[input.verb] } },
    object: {
      objectType: "Activity" as const,
      id: input.object.id,
      definition: {
        type: input.object.type,
        name: { [context.language === "en" ? "en-US" : "fr-FR"]: input.object.name },
      },
    },
    ...(input.result ? { result: input.result } : {}),
    context: {
      registration: context.registration,
      platform: PLATFORM,
      language: context.language === "en" ? "en-US" : "fr-FR",
      contextActivities: isCourse
        ? {}
        : {
            parent: [
              { objectType: "Activity" as const, id: context.course.id, definition: { type: ACTIVITY_TYPE.course } },
            ],
            grouping: [
              { objectType: "Activity" as const, id: context.course.id, definition: { type: ACTIVITY_TYPE.course } },
            ],
          },
      ...(input.contextExtensions ? { extensions: input.contextExtensions } : {}),
    },
  };
}
export type TPlayerStatement = ReturnType<typeof buildStatement>;
