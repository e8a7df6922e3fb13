import { test, expect } from "@playwright/test";
import { signInAs, signOutAndIn } from "../support/auth";
import { expectNoSeriousA11yViolations } from "../support/axe";

test.use({ viewport: { width: 375, height: 740 } });

test("on a phone, an agent finds a course, enrols, follows the lessons (offline too), passes the quiz and completes it", async ({
  page,
  context,
}) => {
  await signInAs(page, "manager@relais.test");

  // Catalogue: a GET form of filters.
  await page.goto("/catalogue");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Rechercher").fill("RGPD");
  // On a phone the filters fold behind a toggle, closed while none is chosen.
  const toggle = page.getByRole("button", { name: "Filtres", exact: true });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByLabel("Thème")).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await page.getByLabel("Thème").selectOption({ label: "Protection des données" });
  await page.getByLabel("Modalité").selectOption({ label: "En ligne" });
  await page.getByRole("button", { name: "Appliquer les filtres" }).click();
  await expect(page).toHaveURL(/q=RGPD/);
  await page.getByRole("link", { name: "Protection des données : les essentiels pour les agents" }).click();

  // Course page → enrol.
  await expect(
    page.getByRole("heading", { level: 1, name: "Protection des données : les essentiels pour les agents" }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Objectifs" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "S'inscrire" }).click();
  await page.getByRole("link", { name: "Commencer la formation" }).click();

  // Player: first lesson, rendered from tiptap JSON.
  await expect(page.getByRole("heading", { level: 2, name: "Définitions" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Une donnée personnelle", exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.getByRole("button", { name: "J'ai terminé cette activité" }).click();

  // The network drops: the completion waits in the browser's outbox, then goes when it is back.
  await expect(page.getByRole("heading", { level: 2, name: "Le RGPD en 3 minutes" })).toBeVisible();
  // The demo video streams with HTTP Range and has French captions.
  await expect(page.locator("video track[kind=captions]")).toHaveCount(1);
  const videoSrc = await page.locator("video").getAttribute("src");
  expect((await page.request.get(videoSrc!, { headers: { range: "bytes=0-99" } })).status()).toBe(206);
  await expectNoSeriousA11yViolations(page);
  await context.setOffline(true);
  await page.getByRole("button", { name: "J'ai terminé cette activité" }).click();
  await expect(page.getByText(/en attente d'envoi/)).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByText(/en attente d'envoi/)).toBeHidden({ timeout: 30_000 });
  await page.getByRole("link", { name: "Activité suivante" }).click();

  await expect(page.getByRole("heading", { level: 2, name: "Répondre à une demande" })).toBeVisible();
  // Keyboard only: focus the button and press Enter.
  await page.getByRole("button", { name: "J'ai terminé cette activité" }).focus();
  await page.keyboard.press("Enter");

  // Quiz: the page holds no correct answer before submission.
  await expect(page.getByRole("heading", { level: 2, name: "Quiz final" })).toBeVisible();
  expect(await page.content()).not.toContain("Une donnée qui permet d'identifier indirectement");
  await expectNoSeriousA11yViolations(page);
  await page
    .getByRole("group", { name: /numéro d'agent/ })
    .getByLabel("Oui, il permet d'identifier indirectement une personne")
    .check();
  await page
    .getByRole("group", { name: /trois mois/ })
    .getByLabel("Faux")
    .check();
  const sensitive = page.getByRole("group", { name: /données sensibles/ });
  await sensitive.getByLabel("Un certificat médical").check();
  await sensitive.getByLabel("L'adhésion à un syndicat").check();
  await page.getByRole("button", { name: "Valider mes réponses" }).click();

  await expect(page.getByRole("heading", { name: "Score : 100 %" })).toBeVisible();
  await expect(
    page.getByText("Une donnée qui permet d'identifier indirectement une personne est une donnée personnelle."),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Formation terminée" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // "My trainings" lists it as done.
  await page.goto("/learn");
  const done = page.locator("section", { has: page.getByRole("heading", { name: "Terminées" }) });
  await expect(
    done.getByRole("link", { name: "Protection des données : les essentiels pour les agents", exact: true }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("another person's player is refused, and another institution's private course does not exist for you", async ({
  page,
}) => {
  await signInAs(page, "agent@relais.test");
  await page.goto("/learn");
  const playerHref = await page
    .getByRole("link", { name: "Protection des données : les essentiels pour les agents" })
    .getAttribute("href");
  expect(playerHref).toMatch(/^\/player\//);
  await page.goto(playerHref!);
  await expect(
    page.getByRole("heading", { level: 1, name: "Protection des données : les essentiels pour les agents" }),
  ).toBeVisible();

  await signOutAndIn(page, "manager@relais.test");
  const response = await page.goto(playerHref!);
  expect(response?.status()).toBe(403);

  // tableur-avance belongs to Université de Rennes, visible to its own institution only.
  const hidden = await page.goto("/courses/tableur-avance");
  expect(hidden?.status()).toBe(404);
  await page.goto("/catalogue?q=tableur");
  await expect(page.getByText("Aucune formation ne correspond.")).toBeVisible();

  // A tampered filter is ignored with a message, not an error page.
  await page.goto("/catalogue?modality=TELEPATHY");
  await expect(page.getByText("Un filtre de l'adresse n'est pas valide ; il a été ignoré.")).toBeVisible();
});

test("a manager approves their team member's request", async ({ page }) => {
  await signInAs(page, "manager@relais.test");
  await page.goto("/approvals");
  await expectNoSeriousA11yViolations(page);
  const approve = page.getByRole("button", { name: /Valider la demande de Julien Morel/ });
  await expect(approve).toHaveCount(1);
  await approve.click();
  await expect(approve).toHaveCount(0);

  // Julien Morel now follows the course he had requested.
  await signOutAndIn(page, "agent@relais.test");
  await page.goto("/learn");
  const inProgress = page.locator("section", { has: page.getByRole("heading", { name: "En cours" }) });
  await expect(inProgress.getByRole("link", { name: /données de la recherche/i })).toBeVisible();
});
