import "server-only";
import { getActor } from "./actor";
import type { TActor } from "./permissions";
import { AppError, toHttpError } from "../errors/app-error";
import { findRouteParamProblem, parseBoundedJson } from "../input/find-input-problem";
import { inputError, toInputError } from "../input/input-errors";
import { getTranslator } from "../i18n/server";
import type { TMessageKey } from "../i18n/translate";

export function jsonError(error: unknown): Response {
  const { status, body } = toHttpError(toInputError(error));
  return Response.json(body, { status });
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
      return jsonError(await inUserLanguage(toInputError(error)));
    }
  };
}

/** A refusal carrying a message key (lib/input) says it in the user's language: the UI shows API messages. */
async function inUserLanguage(error: unknown): Promise<unknown> {
  if (!(error instanceof AppError)) return error;
  const { messageKey, values } = (error.details ?? {}) as { messageKey?: unknown; values?: Record<string, string> };
  if (typeof messageKey !== "string") return error;
  const { t } = await getTranslator();
  return new AppError(error.code, t(messageKey as TMessageKey, values), error.details);
}
