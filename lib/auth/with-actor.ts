import "server-only";
import { getActor } from "./actor";
import type { TActor } from "./permissions";
import { AppError, toHttpError } from "../errors/app-error";
import { localizeAppError } from "../errors/localized-error";
import { findRouteParamProblem, parseBoundedJson } from "../input/find-input-problem";
import { inputError, toInputError } from "../input/input-errors";
import { getTranslator } from "../i18n/server";

export function jsonError(error: unknown): Response {
  const { status, headers, body } = toHttpError(toInputError(error));
  return Response.json(body, { status, headers });
}

/** jsonError with the message in the request's language when the error carries a message key. */
export async function localizedJsonError(error: unknown): Promise<Response> {
  return jsonError(localizeAppError(toInputError(error), (await getTranslator()).t));
}

/**
 * The input guard of every route handler, before any use case runs: route parameters that are
 * not readable text (NUL, a malformed escape) and JSON bodies that are invalid, too deep or hold
 * unstorable text are refused with 400 (see lib/input). The body is read from a clone, so the
 * handler reads it again as usual.
 */
async function assertRouteInput(request: Request, context: unknown): Promise<void> {
  const params = (context as { params?: Promise<Record<string, string | string[]>> } | undefined)?.params;
  if (params) {
    for (const [name, value] of Object.entries(await params)) {
      for (const part of Array.isArray(value) ? value : [value]) {
        const kind = findRouteParamProblem(part);
        if (kind) throw inputError(kind, name);
      }
    }
  }
  if ((request.headers.get("content-type") ?? "").includes("json") && request.body) {
    const parsed = parseBoundedJson(await request.clone().text());
    if (!parsed.ok) throw inputError(parsed.problem.kind, parsed.problem.path ? `body.${parsed.problem.path}` : "body");
  }
}

/** Route handlers: guarantees an actor (401 otherwise) and maps domain errors to HTTP answers. */
export function withActor<TContext>(
  handler: (actor: TActor, request: Request, context: TContext) => Promise<Response>,
) {
  return async (request: Request, context: TContext): Promise<Response> => {
    try {
      await assertRouteInput(request, context);
      const actor = await getActor();
      if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in.");
      return await handler(actor, request, context);
    } catch (error) {
      return localizedJsonError(error);
    }
  };
}
