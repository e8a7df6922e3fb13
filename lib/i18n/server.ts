import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { isLocale, localeFromAcceptLanguage, LOCALE_COOKIE, type TLocale } from "./config";
import { createTranslator, type TTranslate } from "./translate";

/** The request's language: the user's explicit choice (cookie), else the browser's preference, else French. */
export const getLocale = cache(async (): Promise<TLocale> => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
});

export async function getTranslator(): Promise<{ locale: TLocale; t: TTranslate }> {
  const locale = await getLocale();
  return { locale, t: createTranslator(locale) };
}
