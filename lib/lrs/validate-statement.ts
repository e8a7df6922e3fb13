// Strict validation of an xAPI 1.0.3 statement (part two, §2.4 and §4). Every failure is a 400
// naming the field (a JSON path) and the rule, so that a client can fix the statement.
// Unknown properties are refused: the spec's objects are closed, and the conformance suite
// checks that an LRS rejects them.
import { AppError } from "../errors/app-error";
import {
  isDuration,
  isIri,
  isLanguageTag,
  isMbox,
  isSha1,
  isSupportedVersion,
  isUuid,
  parseTimestamp,
} from "./xapi-formats";

type TJson = Record<string, unknown>;

export const VOIDED_VERB = "http://adlnet.gov/expapi/verbs/voided";
/** xAPI 1.0.3 §2.4.4.1.1: the interaction types (SCORM 2004 cmi.interactions.n.type uses the same). */
export const INTERACTION_TYPES = [
  "true-false",
  "choice",
  "fill-in",
  "long-fill-in",
  "matching",
  "performance",
  "sequencing",
  "likert",
  "numeric",
  "other",
];
const INTERACTION_COMPONENT_LISTS = ["choices", "scale", "source", "target", "steps"];

type TRules = { isVersion2: boolean };

function fail(path: string, rule: string): never {
  throw new AppError("INVALID", `${path}: ${rule}`, { field: path });
}

function isObject(value: unknown): value is TJson {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function expectObject(value: unknown, path: string, allowed: readonly string[]): TJson {
  if (!isObject(value)) fail(path, "must be a JSON object");
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) fail(`${path}.${key}`, "is not a property allowed here");
    if (value[key] === null) fail(`${path}.${key}`, "must not be null");
  }
  return value;
}

function expectString(value: unknown, path: string): string {
  if (typeof value !== "string") fail(path, "must be a string");
  return value;
}

function expectIri(value: unknown, path: string): string {
  if (!isIri(value)) fail(path, "must be an absolute IRI");
  return value;
}

function expectBoolean(value: unknown, path: string): void {
  if (typeof value !== "boolean") fail(path, "must be true or false");
}

function expectLanguageMap(value: unknown, path: string): void {
  if (!isObject(value)) fail(path, "must be a language map (an object of RFC 5646 language tags to strings)");
  for (const [tag, text] of Object.entries(value)) {
    if (!isLanguageTag(tag)) fail(`${path}.${tag}`, "is not an RFC 5646 language tag");
    if (typeof text !== "string") fail(`${path}.${tag}`, "must be a string");
  }
}

function expectExtensions(value: unknown, path: string): void {
  if (!isObject(value)) fail(path, "must be an object whose keys are IRIs");
  for (const key of Object.keys(value)) if (!isIri(key)) fail(`${path}.${key}`, "extension keys must be absolute IRIs");
}

function expectUuid(value: unknown, path: string): string {
  if (!isUuid(value)) fail(path, "must be a UUID");
  return value;
}

/** Checks the inverse functional identifier of an Agent or identified Group: at most/exactly one. */
function validateIfi(agent: TJson, path: string, isRequired: boolean): void {
  const present = ["mbox", "mbox_sha1sum", "openid", "account"].filter((key) => agent[key] !== undefined);
  if (present.length > 1)
    fail(path, `must have exactly one inverse functional identifier, found ${present.join(", ")}`);
  if (present.length === 0 && isRequired)
    fail(path, "must have one inverse functional identifier (mbox, mbox_sha1sum, openid or account)");
  if (agent.mbox !== undefined && !isMbox(agent.mbox))
    fail(`${path}.mbox`, 'must be a "mailto:" IRI with an e-mail address');
  if (agent.mbox_sha1sum !== undefined && !isSha1(agent.mbox_sha1sum))
    fail(`${path}.mbox_sha1sum`, "must be a hex-encoded SHA1 hash");
  if (agent.openid !== undefined) expectIri(agent.openid, `${path}.openid`);
  if (agent.account !== undefined) {
    const account = expectObject(agent.account, `${path}.account`, ["homePage", "name"]);
    expectIri(account.homePage, `${path}.account.homePage`);
    expectString(account.name, `${path}.account.name`);
  }
}

const AGENT_KEYS = ["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"];

export function validateAgent(value: unknown, path: string): void {
  const agent = expectObject(value, path, AGENT_KEYS);
  if (agent.objectType !== undefined && agent.objectType !== "Agent") fail(`${path}.objectType`, 'must be "Agent"');
  if (agent.name !== undefined) expectString(agent.name, `${path}.name`);
  validateIfi(agent, path, true);
}

function validateGroup(value: unknown, path: string): void {
  const group = expectObject(value, path, [...AGENT_KEYS, "member"]);
  if (group.objectType !== "Group") fail(`${path}.objectType`, 'must be "Group"');
  if (group.name !== undefined) expectString(group.name, `${path}.name`);
  validateIfi(group, path, false);
  const isAnonymous = ["mbox", "mbox_sha1sum", "openid", "account"].every((key) => group[key] === undefined);
  if (group.member === undefined) {
    if (isAnonymous) fail(`${path}.member`, "is required in an anonymous Group");
    return;
  }
  if (!Array.isArray(group.member)) fail(`${path}.member`, "must be an array of Agents");
  if (isAnonymous && group.member.length === 0)
    fail(`${path}.member`, "must list at least one Agent in an anonymous Group");
  group.member.forEach((member, index) => validateAgent(member, `${path}.member[${index}]`));
}

/** An Agent or a Group (actor, instructor, authority, object). */
export function validateActor(value: unknown, path: string): void {
  if (isObject(value) && value.objectType === "Group") validateGroup(value, path);
  else validateAgent(value, path);
}

function validateInteractionComponents(value: unknown, path: string): void {
  if (!Array.isArray(value)) fail(path, "must be an array of interaction components");
  const ids = new Set<string>();
  value.forEach((item, index) => {
    const component = expectObject(item, `${path}[${index}]`, ["id", "description"]);
    const id = expectString(component.id, `${path}[${index}].id`);
    if (ids.has(id)) fail(`${path}[${index}].id`, "must be unique within the list");
    ids.add(id);
    if (component.description !== undefined) expectLanguageMap(component.description, `${path}[${index}].description`);
  });
}

function validateActivityDefinition(value: unknown, path: string): void {
  const definition = expectObject(value, path, [
    "name",
    "description",
    "type",
    "moreInfo",
    "extensions",
    "interactionType",
    "correctResponsesPattern",
    ...INTERACTION_COMPONENT_LISTS,
  ]);
  if (definition.name !== undefined) expectLanguageMap(definition.name, `${path}.name`);
  if (definition.description !== undefined) expectLanguageMap(definition.description, `${path}.description`);
  if (definition.type !== undefined) expectIri(definition.type, `${path}.type`);
  if (definition.moreInfo !== undefined) expectIri(definition.moreInfo, `${path}.moreInfo`);
  if (definition.extensions !== undefined) expectExtensions(definition.extensions, `${path}.extensions`);
  if (definition.interactionType !== undefined && !INTERACTION_TYPES.includes(definition.interactionType as string)) {
    fail(`${path}.interactionType`, `must be one of ${INTERACTION_TYPES.join(", ")}`);
  }
  if (definition.correctResponsesPattern !== undefined) {
    if (definition.interactionType === undefined)
      fail(`${path}.correctResponsesPattern`, "requires an interactionType");
    if (
      !Array.isArray(definition.correctResponsesPattern) ||
      !definition.correctResponsesPattern.every((item) => typeof item === "string")
    ) {
      fail(`${path}.correctResponsesPattern`, "must be an array of strings");
    }
  }
  for (const list of INTERACTION_COMPONENT_LISTS) {
    if (definition[list] === undefined) continue;
    if (definition.interactionType === undefined) fail(`${path}.${list}`, "requires an interactionType");
    validateInteractionComponents(definition[list], `${path}.${list}`);
  }
}

export function validateActivity(value: unknown, path: string): void {
  const activity = expectObject(value, path, ["objectType", "id", "definition"]);
  if (activity.objectType !== undefined && activity.objectType !== "Activity")
    fail(`${path}.objectType`, 'must be "Activity"');
  expectIri(activity.id, `${path}.id`);
  if (activity.definition !== undefined) validateActivityDefinition(activity.definition, `${path}.definition`);
}

function validateStatementRef(value: unknown, path: string): void {
  const ref = expectObject(value, path, ["objectType", "id"]);
  if (ref.objectType !== "StatementRef") fail(`${path}.objectType`, 'must be "StatementRef"');
  expectUuid(ref.id, `${path}.id`);
}

function validateObject(value: unknown, path: string, isSubStatement: boolean, rules: TRules): void {
  if (!isObject(value)) fail(path, "must be a JSON object");
  switch (value.objectType) {
    case undefined:
    case "Activity":
      return validateActivity(value, path);
    case "Agent":
      return validateAgent(value, path);
    case "Group":
      return validateGroup(value, path);
    case "StatementRef":
      return validateStatementRef(value, path);
    case "SubStatement":
      if (isSubStatement) fail(`${path}.objectType`, "a SubStatement must not contain a SubStatement");
      return validateStatementBody(value, path, true, rules);
    default:
      fail(`${path}.objectType`, "must be Activity, Agent, Group, StatementRef or SubStatement");
  }
}

function validateVerb(value: unknown, path: string): void {
  const verb = expectObject(value, path, ["id", "display"]);
  expectIri(verb.id, `${path}.id`);
  if (verb.display !== undefined) expectLanguageMap(verb.display, `${path}.display`);
}

function validateScore(value: unknown, path: string): void {
  const score = expectObject(value, path, ["scaled", "raw", "min", "max"]);
  for (const key of ["scaled", "raw", "min", "max"]) {
    if (score[key] !== undefined && (typeof score[key] !== "number" || !Number.isFinite(score[key])))
      fail(`${path}.${key}`, "must be a number");
  }
  const { scaled, raw, min, max } = score as Record<string, number | undefined>;
  if (scaled !== undefined && (scaled < -1 || scaled > 1)) fail(`${path}.scaled`, "must be between -1 and 1");
  if (min !== undefined && max !== undefined && min >= max) fail(`${path}.min`, "must be less than max");
  if (raw !== undefined && min !== undefined && raw < min) fail(`${path}.raw`, "must not be less than min");
  if (raw !== undefined && max !== undefined && raw > max) fail(`${path}.raw`, "must not be greater than max");
}

function validateResult(value: unknown, path: string): void {
  const result = expectObject(value, path, ["score", "success", "completion", "response", "duration", "extensions"]);
  if (result.score !== undefined) validateScore(result.score, `${path}.score`);
  if (result.success !== undefined) expectBoolean(result.success, `${path}.success`);
  if (result.completion !== undefined) expectBoolean(result.completion, `${path}.completion`);
  if (result.response !== undefined) expectString(result.response, `${path}.response`);
  if (result.duration !== undefined && !isDuration(result.duration))
    fail(`${path}.duration`, "must be an ISO 8601 duration");
  if (result.extensions !== undefined) expectExtensions(result.extensions, `${path}.extensions`);
}

function validateContextActivities(value: unknown, path: string): void {
  const lists = expectObject(value, path, ["parent", "grouping", "category", "other"]);
  for (const [key, list] of Object.entries(lists)) {
    if (Array.isArray(list)) list.forEach((activity, index) => validateActivity(activity, `${path}.${key}[${index}]`));
    else validateActivity(list, `${path}.${key}`);
  }
}

function validateContextAgents(value: unknown, path: string): void {
  if (!Array.isArray(value)) fail(path, "must be an array of contextAgent objects");
  value.forEach((item, index) => {
    const at = `${path}[${index}]`;
    const entry = expectObject(item, at, ["objectType", "agent", "relevantTypes"]);
    if (entry.objectType !== "contextAgent") fail(`${at}.objectType`, 'must be "contextAgent"');
    if (entry.agent === undefined) fail(`${at}.agent`, "is required");
    validateAgent(entry.agent, `${at}.agent`);
    validateRelevantTypes(entry.relevantTypes, `${at}.relevantTypes`);
  });
}

function validateContextGroups(value: unknown, path: string): void {
  if (!Array.isArray(value)) fail(path, "must be an array of contextGroup objects");
  value.forEach((item, index) => {
    const at = `${path}[${index}]`;
    const entry = expectObject(item, at, ["objectType", "group", "relevantTypes"]);
    if (entry.objectType !== "contextGroup") fail(`${at}.objectType`, 'must be "contextGroup"');
    if (!isObject(entry.group) || entry.group.objectType !== "Group") fail(`${at}.group`, "must be a Group");
    validateGroup(entry.group, `${at}.group`);
    validateRelevantTypes(entry.relevantTypes, `${at}.relevantTypes`);
  });
}

function validateRelevantTypes(value: unknown, path: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.length === 0) fail(path, "must be a non-empty array of IRIs");
  value.forEach((type, index) => expectIri(type, `${path}[${index}]`));
}

/** xAPI 2.0 (§2.4.6) adds contextAgents and contextGroups; a 1.0.x statement may not use them. */
function validateContext(value: unknown, path: string, statementObject: TJson, rules: TRules): void {
  const context = expectObject(value, path, [
    "registration",
    "instructor",
    "team",
    "contextActivities",
    "revision",
    "platform",
    "language",
    "statement",
    "extensions",
    ...(rules.isVersion2 ? ["contextAgents", "contextGroups"] : []),
  ]);
  if (context.contextAgents !== undefined) validateContextAgents(context.contextAgents, `${path}.contextAgents`);
  if (context.contextGroups !== undefined) validateContextGroups(context.contextGroups, `${path}.contextGroups`);
  if (context.registration !== undefined) expectUuid(context.registration, `${path}.registration`);
  if (context.instructor !== undefined) validateActor(context.instructor, `${path}.instructor`);
  if (context.team !== undefined) {
    if (!isObject(context.team) || context.team.objectType !== "Group") fail(`${path}.team`, "must be a Group");
    validateGroup(context.team, `${path}.team`);
  }
  if (context.contextActivities !== undefined)
    validateContextActivities(context.contextActivities, `${path}.contextActivities`);
  // §4.1.6: revision and platform only make sense when the object is an Activity.
  const isActivityObject = statementObject.objectType === undefined || statementObject.objectType === "Activity";
  if (context.revision !== undefined) {
    expectString(context.revision, `${path}.revision`);
    if (!isActivityObject) fail(`${path}.revision`, "must not be used when the object is not an Activity");
  }
  if (context.platform !== undefined) {
    expectString(context.platform, `${path}.platform`);
    if (!isActivityObject) fail(`${path}.platform`, "must not be used when the object is not an Activity");
  }
  if (context.language !== undefined && !isLanguageTag(context.language))
    fail(`${path}.language`, "must be an RFC 5646 language tag");
  if (context.statement !== undefined) validateStatementRef(context.statement, `${path}.statement`);
  if (context.extensions !== undefined) expectExtensions(context.extensions, `${path}.extensions`);
}

function validateAttachments(value: unknown, path: string): void {
  if (!Array.isArray(value)) fail(path, "must be an array");
  value.forEach((item, index) => {
    const at = `${path}[${index}]`;
    const attachment = expectObject(item, at, [
      "usageType",
      "display",
      "description",
      "contentType",
      "length",
      "sha2",
      "fileUrl",
    ]);
    expectIri(attachment.usageType, `${at}.usageType`);
    expectLanguageMap(attachment.display, `${at}.display`);
    if (attachment.description !== undefined) expectLanguageMap(attachment.description, `${at}.description`);
    expectString(attachment.contentType, `${at}.contentType`);
    if (!Number.isInteger(attachment.length) || (attachment.length as number) < 0)
      fail(`${at}.length`, "must be a non-negative integer");
    if (typeof attachment.sha2 !== "string" || !/^[0-9a-f]{56,128}$/i.test(attachment.sha2))
      fail(`${at}.sha2`, "must be a hex SHA-2 hash");
    if (attachment.fileUrl !== undefined) expectIri(attachment.fileUrl, `${at}.fileUrl`);
  });
}

function validateStatementBody(statement: TJson, path: string, isSubStatement: boolean, rules: TRules): void {
  const allowed = isSubStatement
    ? ["objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments"]
    : [
        "id",
        "actor",
        "verb",
        "object",
        "result",
        "context",
        "timestamp",
        "stored",
        "authority",
        "version",
        "attachments",
        "objectType",
      ];
  expectObject(statement, path, allowed);
  if (!isSubStatement && statement.objectType !== undefined)
    fail(`${path}.objectType`, "is not a property of a Statement");
  if (statement.actor === undefined) fail(`${path}.actor`, "is required");
  validateActor(statement.actor, `${path}.actor`);
  if (statement.verb === undefined) fail(`${path}.verb`, "is required");
  validateVerb(statement.verb, `${path}.verb`);
  if (statement.object === undefined) fail(`${path}.object`, "is required");
  validateObject(statement.object, `${path}.object`, isSubStatement, rules);
  if (statement.result !== undefined) validateResult(statement.result, `${path}.result`);
  if (statement.context !== undefined)
    validateContext(statement.context, `${path}.context`, statement.object as TJson, rules);
  if (statement.timestamp !== undefined && !parseTimestamp(statement.timestamp))
    fail(`${path}.timestamp`, "must be an ISO 8601 date and time");
  if (statement.attachments !== undefined) validateAttachments(statement.attachments, `${path}.attachments`);
  if (isSubStatement) return;
  if (statement.id !== undefined) expectUuid(statement.id, `${path}.id`);
  if (statement.stored !== undefined && !parseTimestamp(statement.stored))
    fail(`${path}.stored`, "must be an ISO 8601 date and time");
  if (statement.authority !== undefined) validateAuthority(statement.authority, `${path}.authority`);
  if (statement.version !== undefined && !isSupportedVersion(statement.version))
    fail(`${path}.version`, "must be 1.0.x (or 2.0.0)");
  const verbId = (statement.verb as TJson).id;
  if (verbId === VOIDED_VERB && (statement.object as TJson).objectType !== "StatementRef") {
    fail(`${path}.object`, "a voiding statement's object must be a StatementRef");
  }
}

/** §2.4.9: an authority is an Agent, or an anonymous Group of exactly two Agents (OAuth application + user). */
function validateAuthority(value: unknown, path: string): void {
  validateActor(value, path);
  if ((value as TJson).objectType !== "Group") return;
  const group = value as TJson;
  if (["mbox", "mbox_sha1sum", "openid", "account"].some((key) => group[key] !== undefined))
    fail(path, "a Group authority must be anonymous");
  if (!Array.isArray(group.member) || group.member.length !== 2)
    fail(`${path}.member`, "a Group authority has exactly two Agents");
}

/** Validates one statement as sent by a client; throws AppError INVALID naming the field. */
export function validateStatement(
  value: unknown,
  path = "statement",
  options: { version?: string } = {},
): asserts value is TJson {
  if (!isObject(value)) fail(path, "must be a JSON object");
  const version = typeof value.version === "string" ? value.version : options.version;
  validateStatementBody(value, path, false, { isVersion2: version?.startsWith("2.") ?? false });
}
