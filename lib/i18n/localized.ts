import type { TLocale } from "./config";

/** A French text with an optional English translation: English readers get it when it exists. */
export function localized(locale: TLocale, french: string, english: string | null | undefined): string {
  return locale === "en" && english ? english : french;
}
