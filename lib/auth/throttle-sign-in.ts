import "server-only";
import { clientAddress } from "../security/client-address";
import { hitRateLimit, longestRetryAfter, undoRateLimitHit, type TRateLimitRule } from "../security/rate-limit";

/**
 * Failed sign-ins, counted in PostgreSQL for every replica: per account (the e-mail given to a
 * credentials provider) and per client address. Each attempt is counted before next-auth runs
 * (atomic: concurrent attempts cannot all slip under the limit) and given back when it succeeds.
 */
export const SIGN_IN_FAILURES_PER_ACCOUNT: TRateLimitRule = { name: "signin-account", limit: 5, windowSeconds: 900 };
export const SIGN_IN_FAILURES_PER_ADDRESS: TRateLimitRule = { name: "signin-address", limit: 20, windowSeconds: 900 };

// next-auth's endpoints that try a sign-in: the credentials callback (POST) and the OIDC
// callback the identity provider redirects the browser to (GET, with its code and state). A
// forged or replayed code fails there like a wrong password, and is counted per address.
const ATTEMPT_PATH = /\/api\/auth\/callback\/[^/]+$/;
const REFUSED_PAGE = "/auth/refused?reason=throttled";

/** next-auth answers a failed sign-in with its error page (redirect, or `{ url }` for fetch clients). */
async function isFailure(response: Response): Promise<boolean> {
  const location = response.headers.get("location");
  if (location) return /[?&]error=/.test(location);
  if (!(response.headers.get("content-type") ?? "").includes("application/json")) return response.status >= 400;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { url?: unknown } | null;
  return typeof body?.url === "string" ? /[?&]error=/.test(body.url) : response.status >= 400;
}

async function accountOf(request: Request): Promise<string | null> {
  if (!(request.headers.get("content-type") ?? "").includes("application/x-www-form-urlencoded")) return null;
  const form = new URLSearchParams(await request.clone().text());
  const email = form.get("email")?.trim().toLowerCase();
  return email ? email : null;
}

/**
 * Runs a next-auth request under the sign-in throttle. Beyond the allowance: 429 with Retry-After,
 * and for next-auth's own client (which follows `url`) the refusal page that says why.
 */
export async function throttleSignIn(request: Request, run: () => Promise<Response>): Promise<Response> {
  const isAttempt = request.method === "POST" || request.method === "GET";
  if (!isAttempt || !ATTEMPT_PATH.test(new URL(request.url).pathname)) return run();
  const address = clientAddress(request.headers);
  const account = await accountOf(request);
  const counted: [TRateLimitRule, string][] = [[SIGN_IN_FAILURES_PER_ADDRESS, address]];
  if (account) counted.push([SIGN_IN_FAILURES_PER_ACCOUNT, account]);
  const states = await Promise.all(counted.map(([rule, subject]) => hitRateLimit(rule, subject)));
  const retryAfter = longestRetryAfter(states, (state) => state.isOver);
  if (retryAfter !== null && request.method === "GET")
    // A browser arrives here from the identity provider: the page says why, in its language.
    return new Response(`<!doctype html><meta http-equiv="refresh" content="0;url=${REFUSED_PAGE}">`, {
      status: 429,
      headers: { "Retry-After": String(retryAfter), "Content-Type": "text/html; charset=utf-8" },
    });
  if (retryAfter !== null)
    return Response.json(
      {
        error: "TOO_MANY_REQUESTS",
        message: "Too many failed sign-ins. Try again later.",
        url: REFUSED_PAGE,
      },
      { status: 429, headers: { "Retry-After": String(retryAfter) } },
    );
  const response = await run();
  if (!(await isFailure(response)))
    await Promise.all(counted.map(([rule, subject]) => undoRateLimitHit(rule, subject)));
  return response;
}
