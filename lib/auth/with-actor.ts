import "server-only";
import { getActor } from "./actor";
import type { TActor } from "./permissions";
import { AppError, toHttpError } from "../errors/app-error";

export function jsonError(error: unknown): Response {
  const { status, headers, body } = toHttpError(error);
  return Response.json(body, { status, headers });
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
      return jsonError(error);
    }
  };
}
