// The xAPI statements of a SCORM commit. A package of one SCO is one activity, as before: its
// statements are about the package activity. In a package of several SCOs each SCO is its own
// activity (…/activities/{key}/scos/{id}, ADL's SCORM profile SCO type) whose parent is the package
// activity; the package activity gets only the rolled-up completed / passed / failed, which is
// what the course's completion rules count. Interactions are "answered" statements about
// …/activities/{key}/questions/{sco}/{interaction}, whose parent is the SCO. Pure.
import { buildStatement, type TPlayerContext } from "../learning/xapi-statement";
import { ACTIVITY_TYPE, EXTENSION, toIsoDuration } from "../learning/xapi-vocabulary";
import type { TScormInteraction } from "./scorm-interactions";
import type { TScormEvent, TScormFacts } from "./scorm-runtime-facts";

/** ADL's SCORM profile (https://w3id.org/xapi/scorm) activity type of a SCO. */
export const SCO_ACTIVITY_TYPE = "https://w3id.org/xapi/scorm/activity-type/sco";

type TActivityRef = { id: string; type: string; name: string };

function scoreOf(facts: Pick<TScormFacts, "scaled" | "raw" | "min" | "max">) {
  if (facts.scaled === null) return undefined;
  return {
    scaled: facts.scaled,
    ...(facts.raw !== null ? { raw: facts.raw } : {}),
    ...(facts.min !== null ? { min: facts.min } : {}),
    ...(facts.max !== null ? { max: facts.max } : {}),
  };
}

function resultOf(event: TScormEvent, facts: Pick<TScormFacts, "scaled" | "raw" | "min" | "max">) {
  const score = scoreOf(facts);
  if (event.verb === "completed") return { completion: true, ...(score ? { score } : {}) };
  if (event.verb === "passed" || event.verb === "failed")
    return { success: event.verb === "passed", ...(score ? { score } : {}) };
  if (event.verb === "terminated") return { duration: toIsoDuration(event.seconds) };
  if (event.verb === "progressed" && event.progress !== null)
    return { extensions: { [EXTENSION.progress]: Math.round(event.progress * 100) } };
  return undefined;
}

/** A statement whose parent is `parent` (the package or the SCO) within the course. */
function withParent(statement: ReturnType<typeof buildStatement>, parent: TActivityRef | null, course: string) {
  if (!parent) return statement;
  const activity = (ref: { id: string; type: string }) => ({
    objectType: "Activity" as const,
    id: ref.id,
    definition: { type: ref.type },
  });
  return {
    ...statement,
    context: {
      ...statement.context,
      contextActivities: {
        parent: [activity(parent)],
        grouping: [activity({ id: course, type: ACTIVITY_TYPE.course })],
      },
    },
  };
}

export function buildScormStatements(options: {
  context: TPlayerContext;
  packageActivity: TActivityRef;
  /** null for a package of one SCO: the SCO is the package activity. */
  sco: TActivityRef | null;
  scoEvents: TScormEvent[];
  scoFacts: TScormFacts;
  packageEvents: TScormEvent[];
  packageFacts: Pick<TScormFacts, "scaled" | "raw" | "min" | "max">;
  interactions: TScormInteraction[];
  scoId: string;
}) {
  const { context, packageActivity, sco } = options;
  const course = context.course.id;
  const scoStatements = options.scoEvents.map((event) =>
    withParent(
      buildStatement(context, {
        verb: event.verb,
        object: sco ?? packageActivity,
        result: resultOf(event, options.scoFacts),
      }),
      sco ? packageActivity : null,
      course,
    ),
  );
  const packageStatements = options.packageEvents.map((event) =>
    buildStatement(context, {
      verb: event.verb,
      object: packageActivity,
      result: resultOf(event, options.packageFacts),
    }),
  );
  const answered = options.interactions.map((interaction) => {
    const statement = buildStatement(context, {
      verb: "answered",
      object: {
        id: `${packageActivity.id}/questions/${encodeURIComponent(`${options.scoId}/${interaction.id}`)}`,
        type: ACTIVITY_TYPE.question,
        name: interaction.description ?? interaction.id,
      },
      result: {
        ...(interaction.response !== null ? { response: interaction.response } : {}),
        ...(interaction.success !== null ? { success: interaction.success } : {}),
      },
    });
    const withDefinition = {
      ...statement,
      object: {
        ...statement.object,
        definition: {
          ...statement.object.definition,
          interactionType: interaction.interactionType,
          ...(interaction.correctResponsesPattern.length > 0
            ? { correctResponsesPattern: interaction.correctResponsesPattern }
            : {}),
        },
      },
    };
    return withParent(withDefinition, sco ?? packageActivity, course);
  });
  return [...scoStatements, ...answered, ...packageStatements];
}
