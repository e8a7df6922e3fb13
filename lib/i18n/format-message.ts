// Client components receive their messages as templates (labels passed by the page) and fill them
// once they know the values, e.g. a count after an action. The templates are ICU MessageFormat like
// every message (plurals: `{count, plural, one {# ligne} other {# lignes}}`), so they are formatted
// here with the same library as lib/i18n/translate.ts, never by replacing `{name}` by hand.
import { IntlMessageFormat } from "intl-messageformat";

export type TTemplateValues = Record<string, string | number>;

/** The page's language: the <html lang> the root layout sets; French (the default) during SSR. */
function documentLocale(): string {
  return typeof document === "undefined" ? "fr" : document.documentElement.lang || "fr";
}

/** A filled message; a template that cannot be parsed gets its plain `{name}` placeholders replaced. */
export function formatMessage(template: string, values: TTemplateValues = {}, locale = documentLocale()): string {
  try {
    return String(new IntlMessageFormat(template, locale).format(values));
  } catch {
    return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));
  }
}
