import "server-only";
// HTTP mapping of the State, Activity Profile and Agent Profile resources, plus Activities and
// Agents. Parameters are checked strictly (400 naming the parameter).
import type { XapiDocumentKind } from "../db/generated/enums";
import { db } from "../db";
import { AppError } from "../errors/app-error";
import { agentIfi } from "./agent-ifi";
import { deleteDocuments, getDocument, listDocumentIds, saveDocument, type TDocumentKey } from "./documents";
import { documentScope, ownDocumentsIfi, assertCanRead, assertCanWrite } from "./lrs-access";
import { checkCmi5DocumentWrite, noteCmi5DocumentRead } from "./cmi5-document-rules";
import { validateActor } from "./validate-statement";
import { isIri, isUuid, parseTimestamp } from "./xapi-formats";
import type { TXapiRequest } from "./xapi-route";
import type { TJsonObject } from "./types";
import { MAX_INPUT_DEPTH, parseBoundedJson } from "../input/find-input-problem";

type TResource = {
  kind: XapiDocumentKind;
  idParameter: "stateId" | "profileId";
  needsActivity: boolean;
  needsAgent: boolean;
  allowsRegistration: boolean;
};

export const STATE: TResource = {
  kind: "STATE",
  idParameter: "stateId",
  needsActivity: true,
  needsAgent: true,
  allowsRegistration: true,
};
export const ACTIVITY_PROFILE: TResource = {
  kind: "ACTIVITY_PROFILE",
  idParameter: "profileId",
  needsActivity: true,
  needsAgent: false,
  allowsRegistration: false,
};
export const AGENT_PROFILE: TResource = {
  kind: "AGENT_PROFILE",
  idParameter: "profileId",
  needsActivity: false,
  needsAgent: true,
  allowsRegistration: false,
};

function invalid(field: string, rule: string): never {
  throw new AppError("INVALID", `${field}: ${rule}`, { field });
}

function parseAgent(value: string | null): { agent: TJsonObject; ifi: string } {
  if (value === null) invalid("agent", "the parameter is required");
  let agent: unknown;
  try {
    agent = JSON.parse(value);
  } catch {
    invalid("agent", "must be a JSON Agent");
  }
  validateActor(agent, "agent");
  const ifi = agentIfi(agent);
  if (!ifi) invalid("agent", "must have an inverse functional identifier");
  return { agent: agent as TJsonObject, ifi };
}

function parseKey(
  request: TXapiRequest,
  resource: TResource,
  isList: boolean,
): { key: TDocumentKey; documentId: string | null; since: Date | null } {
  const params = request.params;
  const allowed = [
    resource.idParameter,
    ...(resource.needsActivity ? ["activityId"] : []),
    ...(resource.needsAgent ? ["agent"] : []),
    ...(resource.allowsRegistration ? ["registration"] : []),
    ...(isList ? ["since"] : []),
  ];
  for (const key of params.keys()) if (!allowed.includes(key)) invalid(key, "is not a parameter of this resource");
  const key: TDocumentKey = { scope: documentScope(request.credentials), kind: resource.kind };
  if (resource.needsActivity) {
    const activityId = params.get("activityId");
    if (activityId === null) invalid("activityId", "the parameter is required");
    if (!isIri(activityId)) invalid("activityId", "must be an IRI");
    key.activityId = activityId;
  }
  if (resource.needsAgent) {
    const { ifi } = parseAgent(params.get("agent"));
    key.agentIfi = ifi;
    // A learner's documents are their own: the player may not read or write another person's
    // state; a cmi5 session's are its actor's.
    const own = ownDocumentsIfi(request.credentials);
    if (own !== null && ifi !== own) throw new AppError("FORBIDDEN", "agent: you may only use your own documents");
  }
  const registration = params.get("registration");
  if (registration !== null) {
    if (!isUuid(registration)) invalid("registration", "must be a UUID");
    key.registration = registration.toLowerCase();
  }
  const since = params.get("since");
  const sinceDate =
    since === null ? null : (parseTimestamp(since) ?? invalid("since", "must be an ISO 8601 timestamp"));
  return { key, documentId: params.get(resource.idParameter), since: sinceDate };
}

function checkWriteAccess(request: TXapiRequest, resource: TResource): void {
  assertCanWrite(request.credentials);
  if (request.credentials.kind === "learner" && resource.kind === "ACTIVITY_PROFILE")
    throw new AppError("FORBIDDEN", "A learner may not change activity profiles.");
}

function preconditions(request: TXapiRequest) {
  return { ifMatch: request.headers.get("if-match"), ifNoneMatch: request.headers.get("if-none-match") };
}

export function documentHandlers(resource: TResource) {
  return {
    async GET(request: TXapiRequest): Promise<Response> {
      assertCanRead(request.credentials);
      const isList = !request.params.has(resource.idParameter);
      const { key, documentId, since } = parseKey(request, resource, isList);
      if (documentId === null) return Response.json(await listDocumentIds(key, since));
      await noteCmi5DocumentRead(request.credentials, resource.kind, documentId);
      const document = await getDocument(key, documentId);
      if (!document) throw new AppError("NOT_FOUND", `${resource.idParameter}: no document ${documentId}`);
      return new Response(new Uint8Array(document.content), {
        headers: {
          "Content-Type": document.contentType,
          ETag: `"${document.etag}"`,
          "Last-Modified": document.updatedAt.toUTCString(),
        },
      });
    },
    async PUT(request: TXapiRequest): Promise<Response> {
      return save(request, false);
    },
    async POST(request: TXapiRequest): Promise<Response> {
      return save(request, true);
    },
    async DELETE(request: TXapiRequest): Promise<Response> {
      checkWriteAccess(request, resource);
      const { key, documentId } = parseKey(request, resource, false);
      if (documentId === null && resource.kind !== "STATE") invalid(resource.idParameter, "the parameter is required");
      checkCmi5DocumentWrite(request.credentials, { kind: resource.kind, documentId, contentType: null, body: null });
      await deleteDocuments({ key, documentId, preconditions: preconditions(request) });
      return new Response(null, { status: 204 });
    },
  };

  async function save(request: TXapiRequest, isMerge: boolean): Promise<Response> {
    checkWriteAccess(request, resource);
    const { key, documentId } = parseKey(request, resource, false);
    if (documentId === null) invalid(resource.idParameter, "the parameter is required");
    checkCmi5DocumentWrite(request.credentials, {
      kind: resource.kind,
      documentId,
      contentType: request.headers.get("content-type"),
      body: request.body,
    });
    const contentType = request.headers.get("content-type") ?? "application/octet-stream";
    if (contentType.toLowerCase().startsWith("application/json")) {
      // Bounded like every JSON input (lib/input): a document nested thousands deep would
      // overflow the merge. Text is stored as bytes, so NUL is no concern here.
      const parsed = parseBoundedJson(request.body.toString("utf8"));
      if (!parsed.ok && parsed.problem.kind === "syntax")
        invalid("content", "is declared application/json but is not valid JSON");
      if (!parsed.ok && parsed.problem.kind === "too-deep")
        invalid("content", `is nested more than ${MAX_INPUT_DEPTH} levels deep`);
    }
    await saveDocument({
      key,
      documentId,
      contentType,
      content: request.body,
      isMerge,
      preconditions: preconditions(request),
      isVersion2: request.version.startsWith("2."),
    });
    return new Response(null, { status: 204 });
  }
}

/** GET /activities: the activity with its merged definition (spec §2.5). */
export async function handleActivityGet(request: TXapiRequest): Promise<Response> {
  assertCanRead(request.credentials);
  for (const key of request.params.keys())
    if (key !== "activityId") invalid(key, "is not a parameter of this resource");
  const activityId = request.params.get("activityId");
  if (activityId === null) invalid("activityId", "the parameter is required");
  if (!isIri(activityId)) invalid("activityId", "must be an IRI");
  const activity = await db.xapiActivity.findUnique({ where: { id: activityId }, select: { definition: true } });
  return Response.json({
    objectType: "Activity",
    id: activityId,
    ...(activity ? { definition: activity.definition } : {}),
  });
}

/** GET /agents: the Person this LRS knows for an Agent; Relais keeps one identity per person. */
export function handleAgentGet(request: TXapiRequest): Promise<Response> {
  assertCanRead(request.credentials);
  for (const key of request.params.keys()) if (key !== "agent") invalid(key, "is not a parameter of this resource");
  const { agent } = parseAgent(request.params.get("agent"));
  const person: TJsonObject = { objectType: "Person" };
  for (const key of ["name", "mbox", "mbox_sha1sum", "openid", "account"])
    if (agent[key] !== undefined) person[key] = [agent[key]];
  return Promise.resolve(Response.json(person));
}
