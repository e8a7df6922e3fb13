import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test, expect } from "@playwright/test";
import { folderEntries, PACKAGE_FIXTURES, writeZip } from "../../testing/zip-writer";
import { signInAs, signOutAndIn } from "../support/auth";
import { expectNoSeriousA11yViolations } from "../support/axe";

const TITLE = "RGPD en paquet SCORM";

// Issue 15: a SCORM 1.2 package, as authoring tools export them, imported by a trainer through the
// editor, published, then followed by an agent in the player's sandboxed frame to completion;
// its progress survives a second visit (suspend data) and the course counts it as done.
test("a trainer imports a SCORM 1.2 package into a course; an agent follows it in the player to completion", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const zip = path.join(mkdtempSync(path.join(tmpdir(), "relais-e2e-package-")), "rgpd-scorm12.zip");
  writeFileSync(zip, writeZip(folderEntries(path.join(PACKAGE_FIXTURES, "scorm12"))));

  await signInAs(page, "trainer@relais.test");
  await page.goto("/trainer");
  await page.getByLabel("Titre du cours").fill(TITLE);
  await page.getByRole("button", { name: "Créer le cours" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Modifier ${TITLE}` })).toBeVisible();
  await page.getByLabel("Résumé (français)").fill("Les bases du RGPD, en paquet importé.");
  await page.getByRole("button", { name: "Ajouter un module" }).click();
  await page.getByRole("button", { name: "Importer un paquet SCORM ou cmi5" }).click();
  await page
    .getByLabel("Paquet SCORM 1.2, SCORM 2004 ou cmi5 (fichier .zip)")
    .setInputFiles({ name: "rgpd-scorm12.zip", mimeType: "application/zip", buffer: readFileSync(zip) });
  await expect(page.getByText(/Paquet : /)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/Brouillon enregistré/)).toBeVisible({ timeout: 15_000 });
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Publier cette version" }).click();
  await expect(page.getByText("Version publiée.")).toBeVisible();

  await signOutAndIn(page, "agent@relais.test");
  await page.goto(`/catalogue?q=${encodeURIComponent("paquet SCORM")}`);
  await page.getByRole("link", { name: TITLE }).first().click();
  await page.getByRole("button", { name: "S'inscrire" }).click();
  await page.getByRole("link", { name: "Commencer la formation" }).click();

  // The SCO runs in its sandboxed frame and finds Relais's SCORM API in its parent.
  const sco = page.frameLocator("iframe").first();
  await expect(sco.getByRole("status")).toHaveText("Page 1", { timeout: 60_000 });
  await expectNoSeriousA11yViolations(page);
  await sco.getByRole("button", { name: "Page suivante" }).click();
  await expect(sco.getByRole("status")).toHaveText("Page 2");
  // Committed: a second visit resumes where the learner left off.
  await page.reload();
  await expect(sco.getByRole("status")).toHaveText("Page 2 (reprise : page=2)", { timeout: 60_000 });
  await sco.getByRole("button", { name: "Terminer le module" }).click();
  await expect(sco.getByRole("status")).toHaveText("Module terminé");
  await expect(page.getByRole("heading", { name: "Formation terminée" })).toBeVisible({ timeout: 60_000 });

  await page.goto("/learn");
  const done = page.locator("section", { has: page.getByRole("heading", { name: "Terminées" }) });
  await expect(done.getByRole("link", { name: TITLE, exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

// Rustici's "Golf Explained" packages (and Rise's player) keep the SCORM calls in a launch page and
// show the course in its own frame, whose pages call the launch page. Served from the package
// content origin (127.0.0.1 for an app on localhost), the package's frames share an origin and
// script each other; the Relais page above them stays out of reach.
test("a package whose pages call their launch page from its frame is followed to completion, isolated from Relais", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const title = "Accueil du public en cadres";
  await signInAs(page, "trainer@relais.test");
  await page.goto("/trainer");
  await page.getByLabel("Titre du cours").fill(title);
  await page.getByRole("button", { name: "Créer le cours" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Modifier ${title}` })).toBeVisible();
  await page.getByLabel("Résumé (français)").fill("Un paquet dont les pages sont dans un cadre.");
  await page.getByRole("button", { name: "Ajouter un module" }).click();
  await page.getByRole("button", { name: "Importer un paquet SCORM ou cmi5" }).click();
  await page.getByLabel("Paquet SCORM 1.2, SCORM 2004 ou cmi5 (fichier .zip)").setInputFiles({
    name: "accueil-cadres.zip",
    mimeType: "application/zip",
    buffer: writeZip(folderEntries(path.join(PACKAGE_FIXTURES, "scorm12-frames"))),
  });
  await expect(page.getByText(/Paquet : /)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/Brouillon enregistré/)).toBeVisible({ timeout: 15_000 });
  await page.getByRole("button", { name: "Publier cette version" }).click();
  await expect(page.getByText("Version publiée.")).toBeVisible();

  await signOutAndIn(page, "agent@relais.test");
  await page.goto(`/catalogue?q=${encodeURIComponent("cadres")}`);
  await page.getByRole("link", { name: title }).first().click();
  await page.getByRole("button", { name: "S'inscrire" }).click();
  await page.getByRole("link", { name: "Commencer la formation" }).click();

  const frame = page.locator("iframe.package-frame");
  const src = (await frame.getAttribute("src"))!;
  const appOrigin = new URL(page.url()).origin;
  expect(new URL(src).hostname).toBe("127.0.0.1");
  const launch = page.frameLocator("iframe.package-frame");
  await expect(launch.getByRole("status")).toHaveText("Cours ouvert", { timeout: 60_000 });
  const content = launch.frameLocator("#contentFrame");
  await expect(content.getByText("Page Relais : hors d'atteinte")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await content.getByRole("button", { name: "Terminer le test" }).click();
  await expect(content.getByRole("status")).toHaveText("Réponses envoyées");
  await expect(launch.getByRole("status")).toHaveText("Test enregistré : 90");
  await expect(page.getByRole("heading", { name: "Formation terminée" })).toBeVisible({ timeout: 60_000 });

  // The same file asked on Relais's own origin (a popup of the package, say) gets an opaque origin.
  const isolated = (await page.request.get(src)).headers()["content-security-policy"]!;
  expect(isolated).toMatch(/^sandbox [^;]*allow-same-origin/);
  expect(isolated).toContain(`frame-ancestors 'self' ${appOrigin}`);
  const onRelais = await page.request.get(src.replace(new URL(src).origin, appOrigin));
  expect(onRelais.headers()["content-security-policy"]).not.toContain("allow-same-origin");
  expect(onRelais.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");
  expect(onRelais.headers()["x-frame-options"]).toBe("SAMEORIGIN");
});
