import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test, expect } from "@playwright/test";
import { scorm2004MultiScoEntries } from "../../testing/scorm-multi-package";
import { writeZip } from "../../testing/zip-writer";
import { signInAs, signOutAndIn } from "../support/auth";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { withE2eDatabase } from "../support/database";

const TITLE = "Golf en paquet SCORM 2004";
const VERB = (name: string) => `http://adlnet.gov/expapi/verbs/${name}`;

// Issue 15: a SCORM 2004 4th edition package of two SCOs (and a hidden annex) with sequencing,
// imported by a trainer, followed by an agent through the package's item tree: the first SCO's
// "continue" request opens the second, whose "exitAll" closes the package, completed; each SCO's
// statements, its interaction's "answered" and the package's rolled-up result are in the LRS.
test("an agent follows a two-SCO SCORM 2004 package to completion through its item tree", async ({ page }) => {
  test.setTimeout(240_000);
  const zip = path.join(mkdtempSync(path.join(tmpdir(), "relais-e2e-package-")), "golf-2004.zip");
  writeFileSync(zip, writeZip(scorm2004MultiScoEntries()));

  await signInAs(page, "trainer@relais.test");
  await page.goto("/trainer");
  await page.getByLabel("Titre du cours").fill(TITLE);
  await page.getByRole("button", { name: "Créer le cours" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Modifier ${TITLE}` })).toBeVisible();
  await page.getByLabel("Résumé (français)").fill("Les règles et le swing, en deux parties.");
  await page.getByRole("button", { name: "Ajouter un module" }).click();
  await page.getByRole("button", { name: "Importer un paquet SCORM ou cmi5" }).click();
  await page
    .getByLabel("Paquet SCORM 1.2, SCORM 2004 ou cmi5 (fichier .zip)")
    .setInputFiles({ name: "golf-2004.zip", mimeType: "application/zip", buffer: readFileSync(zip) });
  await expect(page.getByText(/Paquet : /)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/Brouillon enregistré/)).toBeVisible({ timeout: 15_000 });
  await page.getByRole("button", { name: "Publier cette version" }).click();
  await expect(page.getByText("Version publiée.")).toBeVisible();

  await signOutAndIn(page, "agent@relais.test");
  await page.goto(`/catalogue?q=${encodeURIComponent("Golf en paquet")}`);
  await page.getByRole("link", { name: TITLE }).first().click();
  await page.getByRole("button", { name: "S'inscrire" }).click();
  await page.getByRole("link", { name: "Commencer la formation" }).click();

  const tree = page.getByRole("navigation", { name: "Sommaire du paquet" });
  await expect(tree.locator('[aria-current="step"]')).toHaveText("Partie 1 : les règles");
  // The hidden annex is not in the tree; the chapter holds Part 2.
  await expect(tree.getByText("Annexe cachée")).toHaveCount(0);
  await expect(tree.getByRole("listitem").filter({ hasText: "Chapitre : jouer" })).toContainText("Partie 2 : le swing");
  const sco = page.frameLocator("iframe").first();
  await expect(sco.getByRole("status")).toHaveText("Partie 1 : premier lancement (suivant possible : true)", {
    timeout: 60_000,
  });
  await expectNoSeriousA11yViolations(page);
  await sco.getByRole("button", { name: "Répondre à la question" }).click();
  await expect(sco.getByRole("status")).toHaveText("Partie 1 : question répondue");
  // Part 1 ends with adl.nav.request=continue: the player opens Part 2.
  await sco.getByRole("button", { name: "Terminer cette partie" }).click();
  await expect(page).toHaveURL(/sco=item-part-2/, { timeout: 30_000 });
  await expect(tree.locator('[aria-current="step"]')).toHaveText("Partie 2 : le swing");
  await expect(tree.getByRole("listitem").filter({ hasText: "Partie 1 : les règles" })).toContainText("réussi");
  await expect(sco.getByRole("status")).toHaveText("Partie 2 : premier lancement (suivant possible : true)", {
    timeout: 60_000,
  });

  // Back to Part 1 by choice in the tree: it resumes with its own data, then Next returns to Part 2.
  await tree.getByRole("link", { name: "Partie 1 : les règles" }).click();
  await expect(sco.getByRole("status")).toHaveText(/^Partie 1 : reprise vu/, { timeout: 60_000 });
  await tree.getByRole("link", { name: "Élément suivant" }).click();
  await expect(sco.getByRole("status")).toHaveText(/^Partie 2 : reprise vu/, { timeout: 60_000 });
  await sco.getByRole("button", { name: "Répondre à la question" }).click();
  await expect(sco.getByRole("status")).toHaveText("Partie 2 : question répondue");
  // Part 2 ends with exitAll: the package is closed, and complete.
  await sco.getByRole("button", { name: "Terminer cette partie" }).click();
  await expect(page.getByRole("heading", { name: "Formation terminée" })).toBeVisible({ timeout: 60_000 });
  await expectNoSeriousA11yViolations(page);

  // On a phone the tree folds behind its toggle.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  const toggle = tree.getByRole("button", { name: "Afficher le sommaire du paquet" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(tree.getByRole("link", { name: "Partie 1 : les règles" })).toBeHidden();
  await toggle.click();
  await expect(tree.getByRole("link", { name: "Partie 1 : les règles" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expectNoSeriousA11yViolations(page);

  const enrolmentId = new URL(page.url()).pathname.split("/")[2]!;
  const statements = await withE2eDatabase(async (prisma) => {
    const enrolment = await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolmentId } });
    expect(enrolment.status).toBe("COMPLETED");
    return prisma.xapiStatement.findMany({
      where: { registration: enrolment.registration },
      orderBy: { seq: "asc" },
      select: { verbId: true, objectActivityId: true, statement: true },
    });
  });
  const about = (suffix: string) => statements.filter((row) => row.objectActivityId?.endsWith(suffix));
  for (const part of ["item-part-1", "item-part-2"]) {
    const verbs = about(`/scos/${part}`).map((row) => row.verbId);
    expect(verbs).toEqual(expect.arrayContaining([VERB("initialized"), VERB("completed"), VERB("passed")]));
    expect(verbs.filter((verb) => verb === VERB("completed"))).toHaveLength(1);
  }
  const answered = statements.filter((row) => row.verbId === VERB("answered"));
  expect(answered).toHaveLength(2);
  expect(answered[0]!.statement).toMatchObject({
    object: { definition: { interactionType: "choice", correctResponsesPattern: ["b"] } },
    result: { response: "b", success: true },
  });
  // The package activity gets the rolled-up result once (the player's own initialized/terminated aside).
  const packageRows = statements.filter(
    (row) =>
      /\/activities\/[^/]+$/.test(row.objectActivityId ?? "") &&
      [VERB("completed"), VERB("passed"), VERB("failed")].includes(row.verbId),
  );
  expect(packageRows.map((row) => row.verbId)).toEqual([VERB("completed"), VERB("passed")]);
  expect(packageRows[1]!.statement).toMatchObject({ result: { success: true, score: { scaled: 0.9 } } });
});
