import "server-only";
// The HTTP edge shared by every /api/xapi resource: CORS, the X-Experience-API-Version check,
// the alternate request syntax (spec part three §1.3: POST ?method=X with a form body carrying
// headers and content), body size limit (413), authentication, HEAD, and errors as xAPI answers.
import { toHttpError, AppError } from "../errors/app-error";
import { authenticateLrsRequest } from "./authenticate-lrs-request";
import { clientAddress } from "../security/client-address";
import type { TLrsCredentials } from "./types";
import { env } from "../env";
import { isSupportedVersion } from "./xapi-formats";
import { readRecentStatementHorizon, readStatementHorizon } from "./statement-horizon";
import { findInputProblem, parseBoundedJson } from "../input/find-input-problem";
import { inputError, toInputError } from "../input/input-errors";

export const MAX_BODY_BYTES = 10 * 1024 * 1024;
const METHODS = ["GET", "PUT", "POST", "DELETE"] as const;
type TMethod = (typeof METHODS)[number];
const FORM_HEADERS = [
  "authorization",
  "x-experience-api-version",
  "content-type",
  "content-length",
  "if-match",
  "if-none-match",
];

export type TXapiRequest = {
  method: TMethod;
  isHead: boolean;
  params: URLSearchParams;
  headers: Headers;
  body: Buffer;
  url: URL;
  version: string;
  credentials: TLrsCredentials;
};

// Public resources (About) get credentials that can neither read nor write, so a mistake fails closed.
const ANONYMOUS: TLrsCredentials = {
  kind: "client",
  clientId: "",
  key: "anonymous",
  name: "anonymous",
  institutionId: null,
  canRead: false,
  canWrite: false,
};

type THandler = (request: TXapiRequest) => Promise<Response>;

const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, PUT, POST, DELETE, OPTIONS",
  "Access-Control-Allow-Headers":
    "Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match, Accept-Language",
  "Access-Control-Expose-Headers":
    "ETag, Last-Modified, X-Experience-API-Version, X-Experience-API-Consistent-Through, Content-Type",
};

/**
 * The version an answer declares. A request that declares 2.0.0 gets 2.0.0 and one that declares
 * 1.0.x gets 1.0.3; a request that declares none (About, OPTIONS, or the 400 every other resource
 * gives it) gets the deployment's RELAIS_XAPI_DEFAULT_VERSION. The 1.0.3 and 2.0 conformance
 * suites expect different answers to that same request, so no single default satisfies both.
 */
export function answeredVersion(declared: string | null, deploymentDefault: "1.0.3" | "2.0.0"): "1.0.3" | "2.0.0" {
  if (declared === null) return deploymentDefault;
  return declared === "2.0.0" ? "2.0.0" : "1.0.3";
}

function withStandardHeaders(response: Response, declared: string | null): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(CORS_HEADERS)) headers.set(name, value);
  headers.set("X-Experience-API-Version", answeredVersion(declared, env().RELAIS_XAPI_DEFAULT_VERSION));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function errorResponse(error: unknown): Response {
  const { status, headers: errorHeaders, body } = toHttpError(toInputError(error));
  const headers: Record<string, string> = { ...errorHeaders };
  if (status === 401) headers["WWW-Authenticate"] = 'Basic realm="Relais LRS"';
  return Response.json(body, { status, headers });
}

async function readBody(request: Request): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `The body exceeds ${MAX_BODY_BYTES} bytes.`);
  const body = Buffer.from(await request.arrayBuffer());
  if (body.length > MAX_BODY_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", `The body exceeds ${MAX_BODY_BYTES} bytes.`);
  return body;
}

/** Turns a request (normal or alternate syntax) into method, parameters, headers and body. */
async function normalize(request: Request, isHead: boolean): Promise<Omit<TXapiRequest, "version" | "credentials">> {
  const url = new URL(request.url);
  const body = await readBody(request);
  const alternate = url.searchParams.get("method");
  if (alternate === null) {
    return {
      method: (isHead ? "GET" : request.method) as TMethod,
      isHead,
      params: url.searchParams,
      headers: request.headers,
      body,
      url,
    };
  }
  if (request.method !== "POST")
    throw new AppError("INVALID", "method: the alternate request syntax is only allowed with POST");
  if ([...url.searchParams.keys()].some((key) => key !== "method"))
    throw new AppError(
      "INVALID",
      "method: with the alternate request syntax, every other parameter goes in the form body",
    );
  const method = alternate.toUpperCase();
  if (!(METHODS as readonly string[]).includes(method))
    throw new AppError("INVALID", "method: must be GET, PUT, POST or DELETE");
  if (!(request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) {
    throw new AppError("INVALID", "Content-Type: the alternate request syntax needs application/x-www-form-urlencoded");
  }
  const form = new URLSearchParams(body.toString("utf8"));
  const headers = new Headers(request.headers);
  headers.delete("content-type");
  headers.delete("content-length");
  const params = new URLSearchParams();
  let content = Buffer.alloc(0);
  for (const [key, value] of form) {
    const lower = key.toLowerCase();
    if (lower === "content") content = Buffer.from(value, "utf8");
    else if (FORM_HEADERS.includes(lower)) headers.set(lower, value);
    else params.append(key, value);
  }
  if (!headers.has("content-type") && content.length > 0) headers.set("content-type", "application/json");
  return { method: method as TMethod, isHead: false, params, headers, body: content, url };
}

function checkVersion(headers: Headers): string {
  const version = headers.get("x-experience-api-version");
  if (version === null) throw new AppError("INVALID", "X-Experience-API-Version: the header is required");
  if (!isSupportedVersion(version))
    throw new AppError("INVALID", `X-Experience-API-Version: ${version} is not supported (1.0.x or 2.0.0)`);
  return version;
}

/** Builds the exports of an xAPI route file from per-method handlers. */
export function xapiRoute(
  handlers: Partial<Record<TMethod, THandler>>,
  options: { isPublic?: boolean; isStatements?: boolean } = {},
) {
  const handle =
    (isHead: boolean) =>
    async (request: Request): Promise<Response> => {
      let version: string | null = null;
      // Statements answers always carry it, errors included (spec part three §2.1.3). A list sets
      // it from the horizon it read up to; other answers read the horizon now.
      const finish = async (response: Response) => {
        const answer = withStandardHeaders(response, version);
        if (options.isStatements && !answer.headers.has("X-Experience-API-Consistent-Through")) {
          const read = answer.status >= 400 ? readRecentStatementHorizon : readStatementHorizon;
          const horizon = await read().catch(() => null);
          if (horizon)
            answer.headers.set("X-Experience-API-Consistent-Through", horizon.consistentThrough.toISOString());
        }
        return answer;
      };
      try {
        const normalized = await normalize(request, isHead);
        // Parameters are stored (stateId, agent, activityId): NUL or lone surrogates get a 400 here.
        const problem = findInputProblem(Object.fromEntries(normalized.params));
        if (problem) throw inputError(problem.kind, problem.path);
        const handler = handlers[normalized.method];
        if (!handler)
          return await finish(
            Response.json(
              { error: "METHOD_NOT_ALLOWED", message: `${normalized.method} is not supported here.` },
              { status: 405 },
            ),
          );
        version = normalized.headers.get("x-experience-api-version");
        const checked = options.isPublic
          ? (version ?? answeredVersion(null, env().RELAIS_XAPI_DEFAULT_VERSION))
          : checkVersion(normalized.headers);
        // xAPI 2.0 removed the alternate request syntax (2.0 Communication §1.3).
        if (normalized.url.searchParams.has("method") && checked.startsWith("2."))
          throw new AppError("INVALID", "method: the alternate request syntax does not exist in xAPI 2.0");
        const credentials = options.isPublic
          ? ANONYMOUS
          : await authenticateLrsRequest({
              authorization: normalized.headers.get("authorization"),
              clientAddress: clientAddress(request.headers),
            });
        const response = await handler({ ...normalized, version: checked, credentials });
        const answer = isHead ? new Response(null, { status: response.status, headers: response.headers }) : response;
        return await finish(answer);
      } catch (error) {
        return await finish(errorResponse(error));
      }
    };
  return {
    GET: handle(false),
    HEAD: handle(true),
    PUT: handle(false),
    POST: handle(false),
    DELETE: handle(false),
    OPTIONS: (request: Request) =>
      Promise.resolve(
        withStandardHeaders(new Response(null, { status: 204 }), request.headers.get("x-experience-api-version")),
      ),
  };
}

/**
 * Parses a JSON body; a 400 names the field when it is not JSON, is nested too deep for the
 * validators (lib/input) or holds text PostgreSQL cannot store (NUL, unpaired surrogates).
 */
export function parseJsonBody(body: Buffer, field = "body"): unknown {
  const parsed = parseBoundedJson(body.toString("utf8"));
  if (parsed.ok) return parsed.value;
  if (parsed.problem.kind === "syntax") throw new AppError("INVALID", `${field}: is not valid JSON`, { field });
  throw inputError(parsed.problem.kind, parsed.problem.path ? `${field}.${parsed.problem.path}` : field);
}
