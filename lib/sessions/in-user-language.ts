import "server-only";
import { getTranslator } from "../i18n/server";
import { localizeAppError } from "./localize-app-error";

/** Runs a use case for a form: refusals carrying a message key come back in the user's language. */
export async function inUserLanguage<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw localizeAppError(error, (await getTranslator()).t);
  }
}
