// The cmi5 rules an AU's statements must follow (cmi5 §9 "xAPI Statement Data Model", checked by
// the LMS for the statements sent with a session's auth-token). Pure: one statement against the
// session's facts, answering what it changes or why it is refused (403, the LMS rejects it).
import { AppError } from "../errors/app-error";
import { agentIfi } from "../lrs/agent-ifi";
import { CMI5_CATEGORY, CMI5_EXTENSION, CMI5_VERB, type TCmi5LaunchMode } from "./cmi5-vocabulary";

export type TCmi5SessionFacts = {
  sessionId: string;
  registration: string;
  activityId: string;
  actorIfi: string;
  launchMode: TCmi5LaunchMode;
  /** 0..1, null when the AU has none. */
  masteryScore: number | null;
  hasReadLearnerPreferences: boolean;
  isInitialized: boolean;
  isTerminated: boolean;
  /** In the registration, for this AU (across sessions). */
  isCompleted: boolean;
  isPassed: boolean;
  /** In this session. */
  hasFailed: boolean;
};

type TJson = Record<string, unknown>;
const LMS_VERBS: string[] = [CMI5_VERB.launched, CMI5_VERB.abandoned, CMI5_VERB.waived, CMI5_VERB.satisfied];
const AU_VERBS: string[] = [
  CMI5_VERB.initialized,
  CMI5_VERB.completed,
  CMI5_VERB.passed,
  CMI5_VERB.failed,
  CMI5_VERB.terminated,
];
const MOVE_ON_VERBS: string[] = [CMI5_VERB.completed, CMI5_VERB.passed, CMI5_VERB.failed];

function refuse(rule: string, detail: string): never {
  throw new AppError("FORBIDDEN", `cmi5 ${rule}: ${detail}`);
}

function object(value: unknown): TJson {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as TJson) : {};
}

function categoriesOf(context: TJson): string[] {
  const list = object(context.contextActivities).category;
  return (Array.isArray(list) ? list : list ? [list] : []).map((item) => String(object(item).id ?? ""));
}

/** Refuses a statement that breaks a cmi5 rule; returns the facts after it. */
export function applyCmi5StatementRules(
  facts: TCmi5SessionFacts,
  statement: TJson,
  raw: { hasId: boolean; hasTimestamp: boolean },
): TCmi5SessionFacts {
  if (facts.isTerminated) refuse("9.3.0.0-5", "the session is terminated");
  if (!raw.hasId) refuse("9.1.0.0-1", "the statement must have an id");
  if (!raw.hasTimestamp) refuse("9.7.0.0-1", "the statement must have a timestamp");
  const timestamp = String(statement.timestamp ?? "");
  if (!/(Z|[+-]00:?00)$/i.test(timestamp)) refuse("9.7.0.0-2", "the timestamp must be in UTC");
  const actor = object(statement.actor);
  if (actor.objectType !== undefined && actor.objectType !== "Agent") refuse("9.2.0.0-2", "the actor must be an Agent");
  if (!actor.account) refuse("9.2.0.0-3", "the actor must be identified by an account");
  if (agentIfi(actor) !== facts.actorIfi) refuse("9.2.0.0-1", "the actor must be the launch's actor");
  const verb = String(object(statement.verb).id ?? "");
  if (verb === CMI5_VERB.voided) refuse("6.3.0.0-1", "an AU may not void statements");
  if (LMS_VERBS.includes(verb)) refuse("9.3.0.0-1", "this verb is the LMS's");
  const context = object(statement.context);
  if (!statement.context) refuse("9.6.0.0-1", "the statement must have a context");
  if (String(context.registration ?? "").toLowerCase() !== facts.registration)
    refuse("9.6.1.0-1", "the context registration must be the launch's");
  if (object(context.extensions)[CMI5_EXTENSION.sessionId] !== facts.sessionId)
    refuse("9.6.3.1-4", "the sessionid extension must be the launch's");
  const categories = categoriesOf(context);
  const hasMoveOn = categories.includes(CMI5_CATEGORY.moveOn);
  if (hasMoveOn && !MOVE_ON_VERBS.includes(verb))
    refuse("9.6.2.2-2", "only completed, passed and failed carry the moveOn category");
  const isDefined = AU_VERBS.includes(verb);
  if (!facts.isInitialized && verb !== CMI5_VERB.initialized)
    refuse("9.3.0.0-4", "the first statement of a session must be initialized");
  if (!isDefined) return facts;

  if (!categories.includes(CMI5_CATEGORY.cmi5)) refuse("9.6.2.1-1", "a cmi5 defined statement has the cmi5 category");
  if (object(statement.object).id !== facts.activityId)
    refuse("8.1.5.0-6", "the object must be the launch's activityId");
  const result = object(statement.result);
  const score = statement.result && result.score ? object(result.score) : null;
  if (MOVE_ON_VERBS.includes(verb)) {
    if (!hasMoveOn) refuse("9.6.2.2-1", "completed, passed and failed carry the moveOn category");
    if (facts.launchMode !== "Normal") refuse("10.2.2.0-3", `no ${verb} in launch mode ${facts.launchMode}`);
    if (typeof result.duration !== "string") refuse("9.5.4.1-2", "the result must have a duration");
  }
  const checkScore = () => {
    if (score && score.raw !== undefined && (score.min === undefined || score.max === undefined))
      refuse("9.5.1.0-3", "a raw score needs min and max");
  };
  // 9.6.3.2-2: a passed or failed judged against the masteryScore (it has a score) says which one;
  // whenever the extension is present it must be the launch's.
  const checkMastery = () => {
    if (facts.masteryScore === null) return;
    const extension = object(context.extensions)[CMI5_EXTENSION.masteryScore];
    if ((score || extension !== undefined) && extension !== facts.masteryScore)
      refuse("9.6.3.2-2", "the masteryscore extension must be the launch's");
  };
  switch (verb) {
    case CMI5_VERB.initialized:
      if (facts.isInitialized) refuse("9.3.2.0-3", "the session is already initialized");
      if (!facts.hasReadLearnerPreferences)
        refuse("11.0.0.0-3", "the AU reads cmi5LearnerPreferences before initialized");
      return { ...facts, isInitialized: true };
    case CMI5_VERB.completed:
      if (result.completion !== true) refuse("9.5.3.0-1", "completed has result.completion true");
      if (result.success !== undefined) refuse("9.5.2.0-3", "completed has no result.success");
      if (score) refuse("9.5.1.0-2", "completed has no score");
      if (facts.isCompleted) refuse("9.3.0.0-2", "the AU is already completed in this registration");
      return { ...facts, isCompleted: true };
    case CMI5_VERB.passed: {
      if (result.success !== true) refuse("9.5.2.0-1", "passed has result.success true");
      if (result.completion !== undefined) refuse("9.5.3.0-2", "passed has no result.completion");
      checkScore();
      checkMastery();
      const scaled = score && typeof score.scaled === "number" ? score.scaled : null;
      if (facts.masteryScore !== null && scaled !== null && scaled < facts.masteryScore)
        refuse("9.3.4.0-2", "passed with a score below the masteryScore");
      if (facts.isPassed) refuse("9.3.0.0-2", "the AU is already passed in this registration");
      if (facts.hasFailed) refuse("9.3.0.0-3", "the AU already failed in this session");
      return { ...facts, isPassed: true };
    }
    case CMI5_VERB.failed: {
      if (result.success !== false) refuse("9.5.2.0-2", "failed has result.success false");
      if (result.completion !== undefined) refuse("9.5.3.0-2", "failed has no result.completion");
      checkScore();
      checkMastery();
      const scaled = score && typeof score.scaled === "number" ? score.scaled : null;
      if (facts.masteryScore !== null && scaled !== null && scaled >= facts.masteryScore)
        refuse("9.3.5.0-2", "failed with a score at or above the masteryScore");
      if (facts.isPassed) refuse("9.3.0.0-8", "the AU is already passed in this registration");
      if (facts.hasFailed) refuse("9.3.0.0-2", "the AU already failed in this session");
      return { ...facts, hasFailed: true };
    }
    default:
      // terminated
      if (typeof result.duration !== "string") refuse("9.5.4.1-1", "terminated has a result duration");
      return { ...facts, isTerminated: true };
  }
}
