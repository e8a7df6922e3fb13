import { randomUUID } from "node:crypto";
import { test, expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { hashSecret } from "../../lib/auth/secret-hash";
import { E2E } from "../../scripts/e2e-settings";
import { withE2eDatabase } from "../support/database";

// Issue 12 §2–3, against the production build: security headers on every kind of response,
// cross-origin server actions refused with 403, and throttles counted in PostgreSQL (429 with
// Retry-After). The e2e server has no proxy in front, so X-Forwarded-For is whatever the test
// sends: each test speaks from addresses of its own.
const randomAddress = () => `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 250) + 1).join(".")}`;

function expectStaticHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
}

test("every response carries the security headers: pages, route handlers, static files, errors", async ({
  request,
}) => {
  const page = await request.get("/accessibilite");
  expect(page.status()).toBe(200);
  expectStaticHeaders(page);
  const policy = page.headers()["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(policy).toContain("script-src 'self' 'nonce-");
  expect(policy).toContain("'strict-dynamic'");
  expect(policy).toMatch(/media-src 'self' blob:(;|$)/); // no Mux configured: lesson media from Relais only
  const html = await page.text();
  // Next put this request's nonce on its scripts; a second request gets another one.
  expect(html).toContain(`nonce="${nonce}"`);
  const again = await request.get("/accessibilite");
  expect(again.headers()["content-security-policy"]).not.toContain(nonce!);

  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  const asset = await request.get(script!);
  expect(asset.status()).toBe(200);
  expectStaticHeaders(asset);

  const api = await request.get("/api/referentials/institutions");
  expect(api.status()).toBe(401);
  expectStaticHeaders(api);
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");

  const missing = await request.get(`/nowhere-${randomUUID()}`);
  expect(missing.status()).toBe(404);
  expectStaticHeaders(missing);
  const missingApi = await request.get(`/api/nowhere-${randomUUID()}`);
  expect(missingApi.status()).toBe(404);
  expectStaticHeaders(missingApi);
  // Plain HTTP here: no HSTS and no Secure cookies (RELAIS_SECURE_COOKIES defaults to NEXTAUTH_URL's scheme).
  expect(page.headers()["strict-transport-security"]).toBeUndefined();
});

test("a server action posted from another origin gets 403, not 500", async ({ request }) => {
  const forged = await request.post("/sessions", {
    headers: { "next-action": "0".repeat(42), origin: "https://evil.example", "content-type": "text/plain" },
    data: "[]",
  });
  expect(forged.status()).toBe(403);
  expectStaticHeaders(forged);
  expect(await forged.text()).toContain("envoyé depuis un autre site");
});

async function csrf(request: APIRequestContext, address: string): Promise<string> {
  const response = await request.get("/api/auth/csrf", { headers: { "x-forwarded-for": address } });
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

async function signIn(request: APIRequestContext, options: { email: string; address: string }) {
  const csrfToken = await csrf(request, options.address);
  return request.post("/api/auth/callback/demo", {
    headers: { "x-forwarded-for": options.address },
    form: { email: options.email, csrfToken, json: "true", callbackUrl: "/" },
    maxRedirects: 0,
  });
}

test("failed sign-ins are throttled per account and per address (429, Retry-After); successful ones are not counted", async ({
  playwright,
}) => {
  const request = await playwright.request.newContext({ baseURL: `http://localhost:${E2E.appPort}` });
  const email = `${randomUUID()}@nowhere.test`;
  for (let attempt = 0; attempt < 5; attempt++) {
    const failed = await signIn(request, { email, address: randomAddress() });
    expect(((await failed.json()) as { url: string }).url).toMatch(/error=CredentialsSignin/);
  }
  const throttled = await signIn(request, { email, address: randomAddress() });
  expect(throttled.status()).toBe(429);
  expect(Number(throttled.headers()["retry-after"])).toBeGreaterThan(0);
  expect(((await throttled.json()) as { url: string }).url).toBe("/auth/refused?reason=throttled");

  const address = randomAddress();
  for (let attempt = 0; attempt < 20; attempt++)
    expect((await signIn(request, { email: `${randomUUID()}@nowhere.test`, address })).status()).toBe(401);
  expect((await signIn(request, { email: "agent@relais.test", address })).status()).toBe(429);
  // The same account from elsewhere signs in: its own successes were never counted.
  const fine = await signIn(request, { email: "agent@relais.test", address: randomAddress() });
  expect(((await fine.json()) as { url: string }).url).not.toMatch(/error=/);
  await request.dispose();
});

test("wrong LRS secrets for a key are throttled (429, Retry-After) before any scrypt runs", async ({ request }) => {
  const key = `e2e-thr-${randomUUID()}`;
  await withE2eDatabase(async (prisma) =>
    prisma.lrsClient.create({
      data: { name: key, key, secretHash: await hashSecret("right"), canRead: true, canWrite: false },
    }),
  );
  const get = (secret: string) =>
    request.get("/api/xapi/statements?limit=1", {
      headers: {
        authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`,
        "x-experience-api-version": "1.0.3",
        "x-forwarded-for": randomAddress(),
      },
    });
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 10; attempt++) statuses.push((await get(`wrong-${attempt}`)).status());
  expect(statuses).toEqual(Array.from({ length: 10 }, () => 401));
  const throttled = await get("wrong-again");
  expect(throttled.status()).toBe(429);
  expect(Number(throttled.headers()["retry-after"])).toBeGreaterThan(0);
  expect(throttled.headers()["x-experience-api-version"]).toBeTruthy();
});

test("public certificate verification lookups are throttled per address (429 with Retry-After, in the visitor's language)", async ({
  request,
}) => {
  const address = randomAddress();
  for (let attempt = 0; attempt < 30; attempt++)
    expect((await request.get(`/verify/UNKNOWN${attempt}`, { headers: { "x-forwarded-for": address } })).status()).toBe(
      200,
    );
  const throttled = await request.get("/verify/UNKNOWN", { headers: { "x-forwarded-for": address } });
  expect(throttled.status()).toBe(429);
  expect(Number(throttled.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await throttled.text()).toContain("Trop de vérifications");
  expectStaticHeaders(throttled);
  const english = await request.get("/verify/UNKNOWN", {
    headers: { "x-forwarded-for": address, "accept-language": "en" },
  });
  expect(await english.text()).toContain("Too many verifications");
  expect((await request.get("/verify/UNKNOWN", { headers: { "x-forwarded-for": randomAddress() } })).status()).toBe(
    200,
  );
});
