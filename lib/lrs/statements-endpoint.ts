import "server-only";
// The Statements resource over HTTP (spec part three §2.1): maps requests to storeStatements
// and queryStatements and their results to xAPI answers.
import { AppError } from "../errors/app-error";
import { parseAcceptLanguage } from "./format-statement";
import { queryStatements } from "./query-statements";
import { storeStatements } from "./store-statements";
import { isUuid } from "./xapi-formats";
import { parseJsonBody, type TXapiRequest } from "./xapi-route";

function readStatementsBody(request: TXapiRequest): unknown {
  const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
  if (contentType.startsWith("multipart/mixed")) throw new AppError("INVALID", "Content-Type: statements with attachments (multipart/mixed) are not supported yet");
  if (!contentType.startsWith("application/json")) throw new AppError("INVALID", "Content-Type: must be application/json");
  return parseJsonBody(request.body, "statement");
}

export async function handleStatementsPut(request: TXapiRequest): Promise<Response> {
  const statementId = request.params.get("statementId");
  if (statementId === null) throw new AppError("INVALID", "statementId: the parameter is required with PUT");
  if (!isUuid(statementId)) throw new AppError("INVALID", "statementId: must be a UUID");
  for (const key of request.params.keys()) if (key !== "statementId") throw new AppError("INVALID", `${key}: is not a parameter of PUT /statements`);
  const statement = readStatementsBody(request);
  if (typeof statement === "object" && statement !== null && !Array.isArray(statement)) {
    const id = (statement as { id?: unknown }).id;
    if (id !== undefined && (typeof id !== "string" || id.toLowerCase() !== statementId.toLowerCase())) {
      throw new AppError("INVALID", "statement.id: does not match the statementId parameter");
    }
    await storeStatements({ credentials: request.credentials, statements: [{ ...statement, id: statementId }], version: request.version, fieldPrefix: "statement" });
    return new Response(null, { status: 204 });
  }
  throw new AppError("INVALID", "statement: PUT takes one statement (a JSON object)");
}

export async function handleStatementsPost(request: TXapiRequest): Promise<Response> {
  for (const key of request.params.keys()) throw new AppError("INVALID", `${key}: is not a parameter of POST /statements`);
  const body = readStatementsBody(request);
  const statements = Array.isArray(body) ? body : [body];
  if (statements.length === 0) throw new AppError("INVALID", "statements: the array is empty");
  const ids = await storeStatements({ credentials: request.credentials, statements, version: request.version, fieldPrefix: Array.isArray(body) ? "statements" : "statement" });
  return Response.json(ids);
}

export async function handleStatementsGet(request: TXapiRequest): Promise<Response> {
  // Everything committed before this instant is visible: writes commit before they are acknowledged.
  const consistentThrough = new Date().toISOString();
  const result = await queryStatements({ credentials: request.credentials, params: request.params, languages: parseAcceptLanguage(request.headers.get("accept-language")), basePath: request.url.pathname });
  const headers = { "X-Experience-API-Consistent-Through": consistentThrough };
  if (result.kind === "single") {
    const stored = result.statement.stored as string;
    return Response.json(result.statement, { headers: { ...headers, "Last-Modified": new Date(stored).toUTCString() } });
  }
  return Response.json({ statements: result.statements, more: result.more }, { headers });
}
