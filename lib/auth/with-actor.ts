import "server-only";
import { getActor } from "./actor";
import type { TActor } from "./permissions";
import { AppError, toHttpError } from "../errors/app-error";
import { localizeAppError } from "../errors/localized-error";
import { getTranslator } from "../i18n/server";

export function jsonError(error: unknown): Response {
  const { status, headers, body } = toHttpError(error);
  return Response.json(body, { status, headers });
}

/** jsonError with the message in the request's language when the error carries a message key. */
export async function localizedJsonError(error: unknown): Promise<Response> {
  return jsonError(localizeAppError(error, (await getTranslator()).t));
}

/** Route handlers: guarantees an actor (401 otherwise) and maps domain errors to HTTP answers. */
export function withActor<TContext>(
  handler: (actor: TActor, request: Request, context: TContext) => Promise<Response>,
) {
  return async (request: Request, context: TContext): Promise<Response> => {
    try {
      const actor = await getActor();
      if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in.");
      return await handler(actor, request, context);
    } catch (error) {
      return localizedJsonError(error);
    }
  };
}
