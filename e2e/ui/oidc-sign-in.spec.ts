import { test, expect, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";

/** Goes through the real OpenID provider's login and consent pages. */
async function signInThroughProvider(page: Page, login: string) {
  await page.goto("/auth/signin");
  await page.getByRole("button", { name: "Se connecter avec IdP de test" }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.locator('button[type="submit"]').click();
  const consent = page.getByRole("button", { name: "Continue" });
  if (await consent.isVisible({ timeout: 5_000 }).catch(() => false)) await consent.click();
}

test("a person of a known institution signs in through OpenID Connect and becomes an agent", async ({ page }) => {
  await signInThroughProvider(page, "jeanne@univ-grenoble-alpes.fr|UGA");
  await expect(page).toHaveURL(/\/learn$/);
  // The DSFR header's quick access names the account and its roles.
  await expect(page.getByRole("link", { name: /^Jeanne \(IdP\) \(/ }).first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Mes formations" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("an existing user is matched by e-mail: same account, same name, same trainings", async ({ page }) => {
  await signInThroughProvider(page, "agent@relais.test|UGA");
  await expect(page).toHaveURL(/\/learn$/);
  await expect(page.getByRole("link", { name: /^Julien Morel \(/ }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Produire des documents accessibles" })).toBeVisible();
});

test("a person whose institution is unknown sees a clear refusal", async ({ page }) => {
  await signInThroughProvider(page, "paul@nowhere.example|NOWHERE");
  await expect(page).toHaveURL(/\/auth\/refused\?reason=unknown-institution/);
  await expect(page.getByRole("heading", { level: 1, name: "Connexion refusée" })).toBeVisible();
  await expect(page.locator("main").getByRole("alert")).toContainText("pas (encore) inscrit sur Relais");
  await expectNoSeriousA11yViolations(page);
});
