import "server-only";
import { getActor } from "./actor";
import type { TActor } from "./permissions";
import { isAppError } from "../errors/app-error";

export type TActionResult = { ok: true } | { ok: false; code: string; message: string };

/**
 * Wraps a server action (a public POST endpoint): it always has an actor or answers
 * UNAUTHENTICATED, and domain errors come back as a message the form can show.
 */
export function authedAction<TInput>(run: (actor: TActor, input: TInput) => Promise<void>) {
  return async (_previous: TActionResult | null, input: TInput): Promise<TActionResult> => {
    const actor = await getActor();
    if (!actor) return { ok: false, code: "UNAUTHENTICATED", message: "Please sign in." };
    try {
      await run(actor, input);
      return { ok: true };
    } catch (error) {
      if (isAppError(error)) return { ok: false, code: error.code, message: error.userMessage };
      console.error(error);
      return { ok: false, code: "INTERNAL", message: "An unexpected error occurred. It has been logged." };
    }
  };
}
