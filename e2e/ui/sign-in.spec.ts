import { test, expect } from "@playwright/test";
import { signInAs } from "../support/auth";
import { expectNoSeriousA11yViolations } from "../support/axe";

const ROLE_HOMES = [
  { email: "agent@relais.test", path: /\/learn$/, heading: "Mes formations" },
  { email: "manager@relais.test", path: /\/learn$/, heading: "Mes formations" },
  { email: "trainer@relais.test", path: /\/trainer$/, heading: "Mes cours" },
  { email: "coordinator@relais.test", path: /\/coordinator$/, heading: "Sessions de mon site relais" },
  { email: "officer@relais.test", path: /\/institutions\/[^/]+$/, heading: "Établissement Université Grenoble Alpes" },
  { email: "admin@relais.test", path: /\/admin$/, heading: "Indicateurs nationaux" },
];

test("the sign-in page lists the demo accounts and passes axe", async ({ page }) => {
  await page.goto("/auth/signin");
  await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();
  for (const { email } of ROLE_HOMES) await expect(page.getByText(email)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

for (const role of ROLE_HOMES) {
  test(`${role.email} signs in, reaches their home, and signs out`, async ({ page }) => {
    await signInAs(page, role.email);
    await expect(page).toHaveURL(role.path);
    await expect(page.getByRole("heading", { level: 1, name: role.heading })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page.getByRole("link", { name: "Se connecter" }).first()).toBeVisible();
  });
}

test("an agent browses the catalogue (axe) and cannot open the national indicators", async ({ page }) => {
  await signInAs(page, "agent@relais.test");
  await page
    .getByRole("navigation", { name: "Navigation principale" })
    .getByRole("link", { name: "Catalogue" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Catalogue des formations" })).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "Protection des données : les essentiels pour les agents" }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
});

test("the language switch turns the site to English and back, with <html lang>", async ({ page }) => {
  await page.goto("/accessibilite");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1, name: "Déclaration d'accessibilité" })).toBeVisible();
  // The footer's compliance status, with each language's punctuation (scripts/patch-dsfr.mjs).
  const footerStatus = page.getByRole("contentinfo").getByRole("link", { name: /^Accessibilit/ });
  await expect(footerStatus).toHaveText("Accessibilité : partiellement conforme");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Switch the site to English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Accessibility statement" })).toBeVisible();
  await expect(footerStatus).toHaveText("Accessibility: partially compliant");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Passer le site en français" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
});

test("unknown routes show the 404 page in French and in English", async ({ page, context }) => {
  const response = await page.goto("/does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await context.addCookies([{ name: "relais-locale", value: "en", url: page.url() }]);
  await page.goto("/does-not-exist");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});

test("a signed-out visitor asking for a protected page is sent to sign in", async ({ page }) => {
  await page.goto("/learn");
  await expect(page).toHaveURL(/\/auth\/signin/);
});
