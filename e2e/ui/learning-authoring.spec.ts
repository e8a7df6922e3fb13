import { test, expect } from "@playwright/test";
import { signInAs } from "../support/auth";
import { expectNoSeriousA11yViolations } from "../support/axe";

test("a trainer creates a course, edits it with autosave, a stale second editor gets a conflict, then publishes", async ({
  page,
  context,
}) => {
  await signInAs(page, "trainer@relais.test");
  await page.goto("/trainer");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Titre du cours").fill("Accueillir un nouvel agent");
  await page.getByRole("button", { name: "Créer le cours" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Modifier Accueillir un nouvel agent" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A second editor opens the same draft.
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByLabel("Titre (français)")).toHaveValue("Accueillir un nouvel agent");

  await page.getByLabel("Résumé (français)").fill("Les premiers jours d'un agent, pas à pas.");
  await page
    .getByLabel("Objectifs (français, séparés par des points-virgules)")
    .fill("Préparer l'arrivée ; organiser la première semaine");
  await page.getByRole("button", { name: "Ajouter un module" }).click();
  await page.getByRole("button", { name: "Ajouter une leçon" }).click();
  await page.getByRole("textbox", { name: "Contenu de la leçon" }).click();
  await page.keyboard.type("Préparez le poste de travail avant l'arrivée.");
  await page.getByRole("button", { name: "Ajouter un quiz" }).click();
  await page.getByRole("button", { name: "Ajouter une question" }).click();
  await page.getByLabel("Énoncé").fill("Quand préparer le poste ?");
  await page.getByLabel("Réponse a", { exact: true }).fill("Avant l'arrivée");
  await page.getByLabel("Réponse b", { exact: true }).fill("Après l'arrivée");
  // Keyboard reordering: the quiz moves above the lesson.
  await page.getByRole("button", { name: "Monter Quiz" }).click();
  await expect(page.getByText(/Brouillon enregistré/)).toBeVisible({ timeout: 15_000 });

  // The stale editor's change is refused with a clear message; its text stays on its page.
  await other.getByLabel("Titre (anglais)").fill("Welcoming a new colleague");
  await expect(other.getByRole("alert").filter({ hasText: "Quelqu'un d'autre a enregistré ce cours" })).toBeVisible();
  await expect(other.getByLabel("Titre (anglais)")).toHaveValue("Welcoming a new colleague");

  await page.getByRole("link", { name: "Prévisualiser comme un·e apprenant·e" }).click();
  // The preview is the player: one activity at a time, the quiz first since it was moved up.
  await expect(page.getByText("Quand préparer le poste ?")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("navigation", { name: "Plan de la formation" }).getByRole("link", { name: "Leçon" }).click();
  await expect(page.getByText("Préparez le poste de travail avant l'arrivée.")).toBeVisible();
  await page.getByRole("link", { name: "Retour à l'édition" }).click();
  await page.getByRole("button", { name: "Publier cette version" }).click();
  await expect(page.getByText("Version publiée.")).toBeVisible();
  // "Mes cours" says it is live, even once the editor has opened the next draft.
  await page.goto("/trainer");
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: "Accueillir un nouvel agent" })
      .getByText(/Publié — version 1/),
  ).toBeVisible();
});
