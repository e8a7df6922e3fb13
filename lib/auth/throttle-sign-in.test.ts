import { describe, expect, it } from "vitest";
import { SIGN_IN_FAILURES_PER_ADDRESS, throttleSignIn } from "./throttle-sign-in";

// Issue 12 §3: the OIDC callback, where the identity provider sends the browser back with a code,
// is throttled per client address like the credentials form: forged or replayed codes fail there.
const randomAddress = () => `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 250) + 1).join(".")}`;

function callback(address: string, path = "/api/auth/callback/oidc?code=forged&state=forged") {
  return new Request(`http://localhost${path}`, { headers: { "x-forwarded-for": address } });
}

const redirectTo = (location: string) => () =>
  Promise.resolve(new Response(null, { status: 302, headers: { location } }));

describe("sign-in throttle on the OIDC callback", () => {
  it("after the allowance of failed callbacks from one address: 429 with Retry-After and the page that says why", async () => {
    const address = randomAddress();
    let runs = 0;
    const failing = () => {
      runs += 1;
      return redirectTo("http://localhost/auth/error?error=OAuthCallback")();
    };
    for (let attempt = 0; attempt < SIGN_IN_FAILURES_PER_ADDRESS.limit; attempt++)
      expect((await throttleSignIn(callback(address), failing)).status).toBe(302);
    const throttled = await throttleSignIn(callback(address), failing);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await throttled.text()).toContain("/auth/refused?reason=throttled");
    // next-auth never ran for the refused attempt.
    expect(runs).toBe(SIGN_IN_FAILURES_PER_ADDRESS.limit);
    // Another address is not affected.
    expect((await throttleSignIn(callback(randomAddress()), failing)).status).toBe(302);
  });

  it("successful callbacks are given back, and other next-auth pages are never counted", async () => {
    const address = randomAddress();
    for (let attempt = 0; attempt < SIGN_IN_FAILURES_PER_ADDRESS.limit + 5; attempt++)
      expect((await throttleSignIn(callback(address), redirectTo("http://localhost/"))).status).toBe(302);
    for (let attempt = 0; attempt < SIGN_IN_FAILURES_PER_ADDRESS.limit + 5; attempt++)
      expect(
        (await throttleSignIn(callback(address, "/api/auth/session"), () => Promise.resolve(Response.json({})))).status,
      ).toBe(200);
    const failing = redirectTo("http://localhost/auth/error?error=OAuthCallback");
    expect((await throttleSignIn(callback(address), failing)).status).toBe(302);
  });
});
