// Next.js 16 "proxy" (formerly middleware). It routes, refuses requests no route could read, and
// sets the pages' security headers; it does not secure: authorization stays in lib/auth at every
// boundary. Next buffers a request's body for the proxy (10 MB by default), so the routes that
// receive large bodies (uploads, videos, xAPI statements with attachments) are left out of the
// matcher: their route parameters are checked by withActor / the LRS's own guard, and their headers
// come from next.config.ts like every /api answer's.
import { NextResponse, type NextRequest } from "next/server";
import { throttleVerificationLookup } from "@/lib/certificates/throttle-verification-lookup";
import { env } from "@/lib/env";
import { isLocale, localeFromAcceptLanguage, LOCALE_COOKIE } from "@/lib/i18n/config";
import { createTranslator } from "@/lib/i18n/translate";
import { refuseMalformedAction } from "@/lib/input/refuse-malformed-action";
import { refuseMalformedUrl } from "@/lib/input/refuse-malformed-url";
import { SERVER_ACTION_BODY_LIMIT } from "@/lib/security/body-limits";
import { clientAddress } from "@/lib/security/client-address";
import { isSecureDeployment } from "@/lib/security/is-secure-deployment";
import { packageContentOrigin, requestOrigin } from "@/lib/security/package-content-origin";
import { buildPagePolicy, createNonce, HSTS_HEADER, isCrossOriginServerAction } from "@/lib/security/security-headers";

function translatorFor(request: NextRequest) {
  const chosen = request.cookies.get(LOCALE_COOKIE)?.value;
  return createTranslator(isLocale(chosen) ? chosen : localeFromAcceptLanguage(request.headers.get("accept-language")));
}

function plainPage(request: NextRequest, options: { status: number; title: string; message: string }): NextResponse {
  const escape = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
  const locale = request.cookies.get(LOCALE_COOKIE)?.value === "en" ? "en" : "fr";
  const html = `<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>${escape(options.title)}</title><h1>${escape(options.title)}</h1><p role="alert">${escape(options.message)}</p></html>`;
  return new NextResponse(html, { status: options.status, headers: { "content-type": "text/html; charset=utf-8" } });
}

function withPolicy(response: Response, policy: string): Response {
  response.headers.set("Content-Security-Policy", policy);
  if (isSecureDeployment()) response.headers.set(HSTS_HEADER.key, HSTS_HEADER.value);
  return response;
}

export async function proxy(request: NextRequest): Promise<Response> {
  // Route handlers: only the refusal of requests no route could read; their headers (a
  // `default-src 'none'` policy) come from next.config.ts, never the pages' policy.
  if (request.nextUrl.pathname.startsWith("/api/")) return refuseMalformedUrl(request) ?? NextResponse.next();
  const config = env();
  const nonce = createNonce();
  const policy = buildPagePolicy({
    nonce,
    isDevelopment: process.env.NODE_ENV === "development",
    isMuxEnabled: Boolean(config.MUX_TOKEN_ID),
    muxUploadOrigin: config.MUX_BASE_URL ? new URL(config.MUX_BASE_URL).origin : null,
    packageContentOrigin: packageContentOrigin({
      configured: config.RELAIS_PACKAGE_CONTENT_ORIGIN,
      appOrigin: requestOrigin(request.headers, request.url),
    }),
  });
  const t = translatorFor(request);
  if (isCrossOriginServerAction(request))
    return withPolicy(
      plainPage(request, { status: 403, title: t("errors.forbiddenTitle"), message: t("security.forbiddenOrigin") }),
      policy,
    );
  // Above Next's server-action limit the action would fail with a 500: refused here, with the app's message.
  if (
    request.method === "POST" &&
    request.headers.has("next-action") &&
    Number(request.headers.get("content-length") ?? 0) > SERVER_ACTION_BODY_LIMIT
  )
    return withPolicy(
      plainPage(request, {
        status: 413,
        title: t("security.tooLargeTitle"),
        message: t("security.bodyTooLarge", { megabytes: Math.round(SERVER_ACTION_BODY_LIMIT / 1024 / 1024) }),
      }),
      policy,
    );
  // Undecodable paths and queries, and server-action arguments that cannot be decoded: 400, not 500.
  const malformed = refuseMalformedUrl(request) ?? (await refuseMalformedAction(request));
  if (malformed) return withPolicy(malformed, policy);
  if (request.method === "GET" && /^\/verify(\/|$)/.test(request.nextUrl.pathname)) {
    const retryAfter = await throttleVerificationLookup(clientAddress(request.headers));
    if (retryAfter !== null) {
      const response = plainPage(request, {
        status: 429,
        title: t("security.throttledTitle"),
        message: t("security.verifyThrottled", { minutes: Math.ceil(retryAfter / 60) }),
      });
      response.headers.set("Retry-After", String(retryAfter));
      return withPolicy(response, policy);
    }
  }
  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  requestHeaders.set("x-nonce", nonce);
  return withPolicy(NextResponse.next({ request: { headers: requestHeaders } }), policy);
}

export const config = {
  matcher: [
    { source: "/((?!api/uploads|api/packages|api/video|api/xapi|_next/static/|_next/image|favicon.ico).*)" },
    // The large-body routes too, but only for requests without a body (nothing to buffer): Next
    // answers 500 to an undecodable route parameter before any handler runs, so it is refused here.
    // (The matcher must stay literal: Next reads it at build time.)
    {
      source: "/api/(uploads|packages|video)/:path*",
      missing: [
        { type: "header", key: "content-length" },
        { type: "header", key: "transfer-encoding" },
      ],
    },
    { source: "/api/(uploads|packages|video)/:path*", has: [{ type: "header", key: "content-length", value: "0" }] },
  ],
};
