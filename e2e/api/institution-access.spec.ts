import { test, expect, type APIRequestContext } from "@playwright/test";
import { signInAs } from "../support/auth";

type TInstitution = { id: string; code: string };

async function institutions(request: APIRequestContext): Promise<Record<string, TInstitution>> {
  const response = await request.get("/api/referentials/institutions");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { institutions: TInstitution[] };
  return Object.fromEntries(body.institutions.map((institution) => [institution.code, institution]));
}

test("without a session the API answers 401", async ({ request }) => {
  expect((await request.get("/api/referentials/institutions")).status()).toBe(401);
  expect((await request.get("/api/institutions/anything")).status()).toBe(401);
});

test("a training officer reads and changes their own institution, never another one", async ({ page }) => {
  await signInAs(page, "officer@relais.test");
  const request = page.request;
  const { UGA, ULYON } = await institutions(request);

  const own = await request.get(`/api/institutions/${UGA!.id}`);
  expect(own.status()).toBe(200);
  expect(((await own.json()) as { institution: { code: string } }).institution.code).toBe("UGA");

  const other = await request.get(`/api/institutions/${ULYON!.id}`);
  expect(other.status()).toBe(403);
  expect(await other.json()).toMatchObject({ error: "FORBIDDEN" });

  const change = await request.patch(`/api/institutions/${ULYON!.id}`, { data: { timeZone: "Europe/London" } });
  expect(change.status()).toBe(403);

  const bad = await request.patch(`/api/institutions/${UGA!.id}`, { data: { timeZone: "Mars/Olympus" } });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { message: string }).message).toContain("Mars/Olympus");

  const good = await request.patch(`/api/institutions/${UGA!.id}`, { data: { timeZone: "Europe/Paris" } });
  expect(good.status()).toBe(200);

  const page403 = await page.goto(`/institutions/${ULYON!.id}`);
  expect(page403?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
});

test("an agent cannot read any institution overview", async ({ page }) => {
  await signInAs(page, "agent@relais.test");
  const { UGA } = await institutions(page.request);
  expect((await page.request.get(`/api/institutions/${UGA!.id}`)).status()).toBe(403);
});

test("the national administrator reads every institution", async ({ page }) => {
  await signInAs(page, "admin@relais.test");
  const { UGA, ULYON } = await institutions(page.request);
  expect((await page.request.get(`/api/institutions/${UGA!.id}`)).status()).toBe(200);
  expect((await page.request.get(`/api/institutions/${ULYON!.id}`)).status()).toBe(200);
});
