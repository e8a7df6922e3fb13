import { test, expect, type Page } from "@playwright/test";
import { signInAs } from "../support/auth";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { withE2eDatabase } from "../support/database";

const TRAINER = "trainer@relais.test";
const OTHER_INSTITUTION_TRAINER = "trainer@ulyon.relais.test";

/** Rows a learner's answer could leave: none may appear while a trainer previews. */
function countRecords() {
  return withE2eDatabase(async (prisma) => ({
    statements: await prisma.xapiStatement.count(),
    attempts: await prisma.quizAttempt.count(),
    progress: await prisma.activityProgress.count(),
    enrolments: await prisma.enrolment.count(),
  }));
}

async function expectNoHorizontalOverflow(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
}

test("a trainer writes a lesson with the toolbar and the link dialog, builds a quiz field by field, and previews it in the player without recording anything", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(180_000);
  await signInAs(page, TRAINER);
  await page.goto("/trainer");
  await page.getByLabel("Titre du cours").fill("Rédiger un courriel administratif");
  await page.getByRole("button", { name: "Créer le cours" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Modifier Rédiger un courriel/ })).toBeVisible();
  const editorUrl = page.url();
  const courseId = new URL(editorUrl).pathname.split("/").at(-1)!;
  await page.getByRole("button", { name: "Ajouter un module" }).click();
  await page.getByRole("button", { name: "Ajouter une leçon" }).click();

  // A visible writing surface, with its placeholder, under a toolbar.
  const surface = page.getByRole("textbox", { name: "Contenu de la leçon" });
  const box = (await surface.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(150);
  await expect(surface.locator("p.is-editor-empty")).toHaveAttribute("data-placeholder", "Écrivez ici le contenu…");
  const toolbar = page.getByRole("toolbar", { name: "Mise en forme" });
  const bold = toolbar.getByRole("button", { name: "Gras" });
  await surface.click();
  await expect(bold).toHaveAttribute("aria-pressed", "false");
  await bold.click();
  await expect(bold).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.type("Objet clair");
  await bold.click();
  await page.keyboard.type(" : une phrase qui dit tout. Voir le guide");
  // aria-pressed follows the selection: back inside the bold words, "Gras" is pressed again.
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowRight");
  await expect(bold).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("End");
  await expect(bold).toHaveAttribute("aria-pressed", "false");

  // The toolbar is one tab stop; arrow keys move along it.
  await toolbar.getByRole("button", { name: "Italique" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(toolbar.getByRole("button", { name: /^Titre/ })).toBeFocused();
  await expect(toolbar.getByRole("button", { name: /^Titre/ })).toHaveAttribute("tabindex", "0");
  await expect(toolbar.getByRole("button", { name: "Italique" })).toHaveAttribute("tabindex", "-1");

  // The link dialog: a javascript: address is refused beside its field; an https one is applied.
  await surface.click();
  await page.keyboard.press("End");
  await toolbar.getByRole("button", { name: "Lien" }).click();
  const dialog = page.getByRole("dialog", { name: "Lien" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel(/Adresse du lien/)).toBeFocused();
  await dialog.getByLabel(/Adresse du lien/).fill("javascript:alert(document.cookie)");
  await dialog.getByLabel(/Texte du lien/).fill("guide de rédaction");
  await dialog.getByRole("button", { name: "Appliquer le lien" }).click();
  await expect(dialog.getByText(/Cette adresse n'est pas acceptée/)).toBeVisible();
  await expect(dialog.getByLabel(/Adresse du lien/)).toHaveAttribute("aria-invalid", "true");
  await expectNoSeriousA11yViolations(page);
  await dialog.getByLabel(/Adresse du lien/).fill("https://www.modernisation.gouv.fr/guide");
  await dialog.getByRole("button", { name: "Appliquer le lien" }).click();
  await expect(dialog).toBeHidden();
  await expect(surface).toBeFocused();
  await expect(surface.getByRole("link", { name: "guide de rédaction" })).toHaveAttribute(
    "href",
    "https://www.modernisation.gouv.fr/guide",
  );
  // Editing the link offers "remove"; Escape closes the dialog and gives the focus back.
  await surface.getByRole("link", { name: "guide de rédaction" }).click();
  await toolbar.getByRole("button", { name: "Lien" }).click();
  await expect(
    page.getByRole("dialog", { name: "Modifier le lien" }).getByRole("button", { name: "Retirer le lien" }),
  ).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(surface).toBeFocused();

  // The quiz: one card per question; an empty answer is named beside its field once left.
  await page.getByRole("button", { name: "Ajouter un quiz" }).click();
  await page.getByRole("button", { name: "Ajouter une question" }).click();
  const card = page.getByRole("group", { name: "Question 1" });
  await card.getByLabel("Énoncé").fill("Que met-on dans l'objet d'un courriel ?");
  await card.getByLabel("Réponse a", { exact: true }).fill("Le sujet en quelques mots");
  await card.getByLabel("Réponse b", { exact: true }).focus();
  await card.getByLabel("Réponse b", { exact: true }).blur();
  await expect(card.getByText("Saisissez le texte de cette réponse, ou supprimez-la.")).toBeVisible();
  await expect(card.getByLabel("Réponse b", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await card.getByLabel("Réponse b", { exact: true }).fill("Rien");
  await expect(card.getByText("Saisissez le texte de cette réponse, ou supprimez-la.")).toBeHidden();
  await card.getByRole("button", { name: "Ajouter une réponse" }).click();
  await card.getByLabel("Réponse c", { exact: true }).fill("Tout le message");
  await card.getByRole("button", { name: "Monter la réponse c" }).click();
  await expect(card.getByLabel("Réponse b", { exact: true })).toHaveValue("Tout le message");
  await card.getByRole("button", { name: "Supprimer la réponse b" }).click();
  await expect(card.getByLabel("Réponse b", { exact: true })).toHaveValue("Rien");
  await card.getByLabel("Explication affichée après la réponse").fill("L'objet résume le message.");
  await expect(page.getByText(/Brouillon enregistré/)).toBeVisible({ timeout: 20_000 });
  await expectNoSeriousA11yViolations(page);
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: testInfo.outputPath("editor-fr-375.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: testInfo.outputPath("editor-fr-1280.png"), fullPage: true });

  // The preview: the lesson as learners see it, then the quiz answered in the player's form.
  await page.goto(`/trainer/courses/${courseId}/preview`);
  await expect(page.getByRole("link", { name: "guide de rédaction" })).toHaveAttribute(
    "href",
    "https://www.modernisation.gouv.fr/guide",
  );
  await expect(page.locator(".lesson strong")).toHaveText("Objet clair");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("navigation", { name: "Plan de la formation" }).getByRole("link", { name: "Quiz" }).click();
  const before = await countRecords();
  await page.getByRole("radio", { name: "Le sujet en quelques mots" }).check();
  await page.getByRole("button", { name: "Valider mes réponses" }).click();
  await expect(page.getByRole("heading", { name: /Score\s*:\s*100/ })).toBeVisible();
  await expect(page.getByText("L'objet résume le message.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  expect(await countRecords()).toEqual(before);
  await page.screenshot({ path: testInfo.outputPath("preview-fr-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: testInfo.outputPath("preview-fr-375.png"), fullPage: true });

  // English: the same pages in the other language.
  await page.context().addCookies([{ name: "relais-locale", value: "en", url: baseURL! }]);
  await page.goto(editorUrl);
  await expect(page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Bold" })).toBeVisible();
  await expect(
    page.getByRole("group", { name: "Question 1" }).getByRole("button", { name: "Move question 1 up" }),
  ).toBeDisabled();
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: testInfo.outputPath("editor-en-375.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: testInfo.outputPath("editor-en-1280.png"), fullPage: true });
  await page.goto(`/trainer/courses/${courseId}/preview`);
  await expect(page.getByText(/nothing is recorded/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("preview-en-1280.png"), fullPage: true });

  // Another institution's trainer may not preview this course.
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await signInAs(otherPage, OTHER_INSTITUTION_TRAINER);
  const refused = await otherPage.goto(`/trainer/courses/${courseId}/preview`);
  expect(refused?.status()).toBe(403);
  await expect(otherPage.getByText("Objet clair")).toHaveCount(0);
  await other.close();
});
