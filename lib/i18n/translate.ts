import fr from "../../content/messages/fr.json";
import en from "../../content/messages/en.json";
import type { TLocale } from "./config";

export type TMessages = typeof fr;
const MESSAGES: Record<TLocale, TMessages> = { fr, en };

type TLeafKeys<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : TLeafKeys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type TMessageKey = TLeafKeys<TMessages>;
export type TTranslate = (key: TMessageKey, params?: Record<string, string | number>) => string;

function lookup(messages: unknown, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

export function createTranslator(locale: TLocale): TTranslate {
  return (key, params) => {
    const template = lookup(MESSAGES[locale], key) ?? lookup(MESSAGES.fr, key) ?? key;
    return params ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : template;
  };
}

/** For tests: every key of one catalogue exists in the other. */
export function listKeys(messages: unknown, prefix = ""): string[] {
  if (typeof messages !== "object" || messages === null) return [prefix];
  return Object.entries(messages).flatMap(([key, value]) => listKeys(value, prefix ? `${prefix}.${key}` : key));
}

export const ALL_MESSAGES = MESSAGES;
