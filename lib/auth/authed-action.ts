import "server-only";
import { getActor } from "./actor";
import type { TActor } from "./permissions";
import { isAppError, type TErrorCode } from "../errors/app-error";
import { getTranslator } from "../i18n/server";

export type TActionResult = { ok: true } | { ok: false; code: string; message: string };

/** Codes whose message is generic, shown in the user's language; other codes carry a specific message. */
const GENERIC_CODES = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"] as const satisfies readonly TErrorCode[];

async function failure(code: (typeof GENERIC_CODES)[number] | "INTERNAL"): Promise<TActionResult> {
  const { t } = await getTranslator();
  return { ok: false, code, message: t(`errors.codes.${code}`) };
}

/**
 * Wraps a server action (a public POST endpoint): it always has an actor or answers
 * UNAUTHENTICATED, and domain errors come back as a message the form can show.
 */
export function authedAction<TInput>(run: (actor: TActor, input: TInput) => Promise<void>) {
  return async (_previous: TActionResult | null, input: TInput): Promise<TActionResult> => {
    const actor = await getActor();
    if (!actor) return failure("UNAUTHENTICATED");
    try {
      await run(actor, input);
      return { ok: true };
    } catch (error) {
      if (isAppError(error)) {
        const generic = GENERIC_CODES.find((code) => code === error.code);
        return generic ? failure(generic) : { ok: false, code: error.code, message: error.userMessage };
      }
      console.error(error);
      return failure("INTERNAL");
    }
  };
}
