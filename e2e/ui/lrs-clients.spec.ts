import { randomUUID } from "node:crypto";
import { test, expect, request as playwrightRequest } from "@playwright/test";
import { signInAs } from "../support/auth";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { followNavigation } from "../support/navigation";

test("a training officer creates an LRS client, uses its credentials over HTTP, revokes it, and the credentials then get 401", async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signInAs(page, "officer@relais.test");
  await followNavigation(page, "Clients LRS");
  await expect(page.getByRole("heading", { level: 1, name: /^Clients LRS de / })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const name = `Moodle e2e ${randomUUID().slice(0, 8)}`;
  await page.getByLabel("Nom", { exact: true }).fill(name);
  // Least privilege: a new client reads only unless write is chosen.
  await expect(page.getByLabel("Lire les déclarations")).toBeChecked();
  await expect(page.getByLabel("Écrire des déclarations")).not.toBeChecked();
  await page.getByLabel("Écrire des déclarations").check();
  await page.getByRole("button", { name: "Créer le client" }).click();
  await expect(page.getByRole("heading", { name: `Client « ${name} » créé` })).toBeVisible();
  const key = (await page.getByTestId("lrs-client-key").textContent())!.trim();
  const secret = (await page.getByTestId("lrs-client-secret").textContent())!.trim();
  expect(secret.length).toBeGreaterThan(30);
  // The page as it is read once the pointer has left the button it pressed.
  await page.mouse.move(0, 0);
  await page.locator("body").evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await expectNoSeriousA11yViolations(page);

  // The credentials, used by an external tool: no Relais session cookie.
  const client = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: {
      authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`,
      "x-experience-api-version": "1.0.3",
    },
  });
  const statementId = randomUUID();
  const sent = await client.put(`/api/xapi/statements?statementId=${statementId}`, {
    data: {
      actor: { mbox: `mailto:${randomUUID()}@example.org` },
      verb: { id: "http://adlnet.gov/expapi/verbs/experienced" },
      object: { id: "http://example.org/activities/e2e" },
    },
  });
  expect(sent.status()).toBe(204);
  const read = await client.get(`/api/xapi/statements?statementId=${statementId}`);
  expect(read.status()).toBe(200);
  expect(((await read.json()) as { authority: { account: { name: string } } }).authority.account.name).toBe(key);

  // The list shows the new client; revoking it answers in place and takes effect at once.
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
  await row.getByRole("button", { name: `Révoquer le client ${name}` }).click();
  await expect(page.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) })).toContainText("Révoqué");
  expect((await client.get(`/api/xapi/statements?statementId=${statementId}`)).status()).toBe(401);
  await client.dispose();
});
