import "server-only";
import { randomUUID } from "node:crypto";
// The Statements resource over HTTP (spec part three §2.1): maps requests to storeStatements
// and queryStatements and their results to xAPI answers.
import { AppError } from "../errors/app-error";
import { boundaryOf, buildMultipart, parseMultipart } from "./multipart";
import {
  assertNoInlineAttachments,
  loadAttachments,
  matchAttachmentParts,
  type TAttachmentContent,
} from "./statement-attachments";
import type { TJsonObject, TStatementProjection } from "./types";
import { parseAcceptLanguage } from "./format-statement";
import { queryStatements } from "./query-statements";
import { storeStatements } from "./store-statements";
import { isUuid } from "./xapi-formats";
import { parseJsonBody, type TXapiRequest } from "./xapi-route";

/** The statements of a request and, for multipart/mixed, the attachment contents (checked). */
function readStatementsBody(request: TXapiRequest): { body: unknown; attachments: TAttachmentContent[] } {
  const contentType = request.headers.get("content-type") ?? "";
  const asList = (body: unknown) =>
    (Array.isArray(body) ? body : [body]).filter(
      (item): item is TJsonObject => typeof item === "object" && item !== null,
    );
  if (contentType.toLowerCase().startsWith("multipart/mixed")) {
    const [first, ...rest] = parseMultipart(request.body, boundaryOf(contentType));
    if (!first || !(first.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
      throw new AppError(
        "INVALID",
        "body: the first part of a multipart/mixed request must be the application/json statements",
      );
    }
    const body = parseJsonBody(first.content, "statement");
    return { body, attachments: matchAttachmentParts(asList(body), rest) };
  }
  if (!contentType.toLowerCase().startsWith("application/json"))
    throw new AppError("INVALID", "Content-Type: must be application/json or multipart/mixed");
  const body = parseJsonBody(request.body, "statement");
  assertNoInlineAttachments(asList(body));
  return { body, attachments: [] };
}

async function handleStatementsPut(request: TXapiRequest, project: TStatementProjection): Promise<Response> {
  const statementId = request.params.get("statementId");
  if (statementId === null) throw new AppError("INVALID", "statementId: the parameter is required with PUT");
  if (!isUuid(statementId)) throw new AppError("INVALID", "statementId: must be a UUID");
  for (const key of request.params.keys())
    if (key !== "statementId") throw new AppError("INVALID", `${key}: is not a parameter of PUT /statements`);
  const { body: statement, attachments } = readStatementsBody(request);
  if (typeof statement === "object" && statement !== null && !Array.isArray(statement)) {
    const id = (statement as { id?: unknown }).id;
    if (id !== undefined && (typeof id !== "string" || id.toLowerCase() !== statementId.toLowerCase())) {
      throw new AppError("INVALID", "statement.id: does not match the statementId parameter");
    }
    await storeStatements({
      credentials: request.credentials,
      statements: [{ ...statement, id: statementId }],
      attachments,
      version: request.version,
      fieldPrefix: "statement",
      project,
    });
    return new Response(null, { status: 204 });
  }
  throw new AppError("INVALID", "statement: PUT takes one statement (a JSON object)");
}

async function handleStatementsPost(request: TXapiRequest, project: TStatementProjection): Promise<Response> {
  for (const key of request.params.keys())
    throw new AppError("INVALID", `${key}: is not a parameter of POST /statements`);
  const { body, attachments } = readStatementsBody(request);
  const statements = Array.isArray(body) ? body : [body];
  if (statements.length === 0) throw new AppError("INVALID", "statements: the array is empty");
  const ids = await storeStatements({
    credentials: request.credentials,
    statements,
    attachments,
    version: request.version,
    fieldPrefix: Array.isArray(body) ? "statements" : "statement",
    project,
  });
  return Response.json(ids);
}

async function handleStatementsGet(request: TXapiRequest): Promise<Response> {
  const result = await queryStatements({
    credentials: request.credentials,
    params: request.params,
    languages: parseAcceptLanguage(request.headers.get("accept-language")),
    basePath: request.url.pathname,
  });
  if (request.params.get("attachments") === "true") {
    const statements = result.kind === "single" ? [result.statement] : result.statements;
    const json = result.kind === "single" ? result.statement : { statements: result.statements, more: result.more };
    const answer = multipartAnswer(json, await loadAttachments(statements));
    if (result.kind === "list")
      answer.headers.set("X-Experience-API-Consistent-Through", result.consistentThrough.toISOString());
    return answer;
  }
  if (result.kind === "single") {
    const stored = result.statement.stored as string;
    return Response.json(result.statement, { headers: { "Last-Modified": new Date(stored).toUTCString() } });
  }
  return Response.json(
    { statements: result.statements, more: result.more },
    { headers: { "X-Experience-API-Consistent-Through": result.consistentThrough.toISOString() } },
  );
}

/** GET with attachments=true (spec part three §2.1.3): the JSON first, then each attachment. */
function multipartAnswer(json: unknown, attachments: TAttachmentContent[]): Response {
  const boundary = `xapi-${randomUUID()}`;
  const body = buildMultipart(
    [
      { headers: { "Content-Type": "application/json" }, content: Buffer.from(JSON.stringify(json)) },
      ...attachments.map((attachment) => ({
        headers: {
          "Content-Type": attachment.contentType,
          "Content-Transfer-Encoding": "binary",
          "X-Experience-API-Hash": attachment.sha2,
        },
        content: attachment.content,
      })),
    ],
    boundary,
  );
  return new Response(new Uint8Array(body), { headers: { "Content-Type": `multipart/mixed; boundary=${boundary}` } });
}

/**
 * The Statements resource's handlers. What follows a write (learners' progress) comes from the
 * caller, the route (app/api/xapi/statements/route.ts): the LRS does not depend on the domains it feeds.
 */
export function createStatementsHandlers(options: { project: TStatementProjection }) {
  return {
    GET: handleStatementsGet,
    PUT: (request: TXapiRequest) => handleStatementsPut(request, options.project),
    POST: (request: TXapiRequest) => handleStatementsPost(request, options.project),
  };
}
