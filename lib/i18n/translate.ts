// use-intl/core is next-intl's formatter without its React and Next.js entry points: the same code
// runs in pages, route handlers, jobs and the scripts that seed the demo data outside Next.js.
import { createTranslator as createIcuTranslator, IntlErrorCode, type AbstractIntlMessages } from "use-intl/core";
import fr from "../../content/messages/fr.json";
import en from "../../content/messages/en.json";
import type { TLocale } from "./config";

export type TMessages = typeof fr;
const MESSAGES: Record<TLocale, TMessages> = { fr, en };

type TLeafKeys<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : TLeafKeys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type TMessageKey = TLeafKeys<TMessages>;
export type TMessageValues = Record<string, string | number | Date>;
export type TTranslate = (key: TMessageKey, params?: TMessageValues) => string;

const COUNT_NAMES = new Set(["count", "n", "total", "days"]);

type TIcuTranslate = (key: string, values?: TMessageValues) => string;

function lookup(messages: unknown, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** Plain `{name}` replacement: the last resort when a message cannot be formatted as ICU. */
function replacePlaceholders(template: string, params: TMessageValues | undefined): string {
  return params ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : template;
}

function createIcu(locale: TLocale): TIcuTranslate {
  return createIcuTranslator({
    locale,
    messages: MESSAGES[locale] as unknown as AbstractIntlMessages,
    // Dates in messages are shown in the platform's default zone unless a caller formats them first.
    timeZone: "Europe/Paris",
    // Missing keys and formatting errors are caught by lib/i18n/messages.test.ts; at run time the
    // reader gets the best text there is (see getMessageFallback), never an exception.
    onError: () => undefined,
    getMessageFallback: ({ error, key, namespace }) => {
      const fullKey = namespace ? `${namespace}.${key}` : key;
      if (error.code === IntlErrorCode.MISSING_MESSAGE && locale !== "fr") return FRENCH(fullKey);
      return lookup(MESSAGES[locale], fullKey) ?? fullKey;
    },
  }) as unknown as TIcuTranslate;
}

const FRENCH = createIcu("fr");
const TRANSLATORS: Record<TLocale, TIcuTranslate> = { fr: FRENCH, en: createIcu("en") };

/**
 * The translator of one language. Messages are ICU MessageFormat (formatted by next-intl):
 * `{count, plural, one {# formation} other {# formations}}`, `{value, number}`, `{date, date, long}`;
 * numbers passed as values are formatted the language's way (1 234,5 / 1,234.5). A message missing
 * in English falls back to French; one that cannot be formatted (a missing value) shows its
 * placeholders replaced as far as possible.
 */
export function createTranslator(locale: TLocale): TTranslate {
  const translate = TRANSLATORS[locale];
  return (key, params) => {
    const template = lookup(MESSAGES[locale], key) ?? lookup(MESSAGES.fr, key);
    if (template === undefined) return key;
    // Counts stored as text (notification parameters are JSON strings) still agree plurals: "3" is 3.
    // Only counts: a code "0042" or a year "2026" must stay as written.
    const values =
      params &&
      Object.fromEntries(
        Object.entries(params).map(([name, value]) => [
          name,
          COUNT_NAMES.has(name) && typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value,
        ]),
      );
    const formatted = translate(key, values);
    // next-intl returns the fallback (the raw template) when formatting failed: replace what we can.
    return formatted === template && params ? replacePlaceholders(template, params) : formatted;
  };
}

/** Whether a string is a message key of the catalogue (e.g. a schema's message that names one). */
export function hasMessage(key: string): boolean {
  return lookup(MESSAGES.fr, key) !== undefined;
}

/** For tests: every key of one catalogue exists in the other. */
export function listKeys(messages: unknown, prefix = ""): string[] {
  if (typeof messages !== "object" || messages === null) return [prefix];
  return Object.entries(messages).flatMap(([key, value]) => listKeys(value, prefix ? `${prefix}.${key}` : key));
}

export const ALL_MESSAGES = MESSAGES;
