import { isLocale, localeFromAcceptLanguage, LOCALE_COOKIE } from "../i18n/config";
import { createTranslator } from "../i18n/translate";
import { findUrlProblem } from "./check-request-url";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const ENGLISH = {
  "malformed-encoding": "the address contains a malformed percent-encoding",
  nul: "the address contains a NUL character (U+0000), which is not accepted",
  surrogate: "the address contains a malformed character, which is not accepted",
  "too-deep": "the address is not valid",
} as const;

/**
 * A 400 for a URL no route could read (see check-request-url.ts); undefined lets the request go on.
 * APIs get JSON in English (the LRS's clients expect it, and API messages are English throughout);
 * pages get a short page in the visitor's language.
 */
export function refuseMalformedUrl(request: {
  nextUrl: { pathname: string; search: string };
  headers: Headers;
  cookies: { get(name: string): { value: string } | undefined };
}): Response | undefined {
  const problem = findUrlProblem(request.nextUrl);
  if (!problem) return undefined;
  const headers = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
  if (request.nextUrl.pathname.startsWith("/api/")) {
    const message = `${problem.part === "path" ? "path" : "query"}: ${ENGLISH[problem.kind]}`;
    const extra: Record<string, string> = request.nextUrl.pathname.startsWith("/api/xapi/")
      ? { "X-Experience-API-Version": "1.0.3", "Access-Control-Allow-Origin": "*" }
      : {};
    return Response.json({ error: "INVALID", message }, { status: 400, headers: { ...headers, ...extra } });
  }
  const chosen = request.cookies.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage(request.headers.get("accept-language"));
  const t = createTranslator(locale);
  const title = escapeHtml(t("errors.badRequestTitle"));
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} — Relais</title></head><body><main><h1>${title}</h1><p>${escapeHtml(t("errors.badRequestText"))}</p><p><a href="/">${escapeHtml(t("errors.backHome"))}</a></p></main></body></html>`;
  return new Response(html, { status: 400, headers: { ...headers, "content-type": "text/html; charset=utf-8" } });
}
