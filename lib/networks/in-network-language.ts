import "server-only";
import { getTranslator } from "../i18n/server";
import { localizeNetworkError } from "./network-errors";

/** Runs a networks use case for a form: its refusals come back in the user's language. */
export async function inNetworkLanguage<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw localizeNetworkError(error, (await getTranslator()).t);
  }
}
