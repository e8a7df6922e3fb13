import { PDFDocument } from "pdf-lib";
import { test, expect } from "@playwright/test";
import { signInAs } from "../support/auth";
import { expectNoSeriousA11yViolations } from "../support/axe";

test("a trainer attaches a downloadable document (checked by content) and the learner's view downloads it as an attachment", async ({
  page,
}) => {
  const pdf = await PDFDocument.create();
  pdf.addPage().drawText("Fiche pratique");
  const pdfBytes = Buffer.from(await pdf.save());
  await signInAs(page, "trainer@relais.test");
  await page.goto("/trainer");
  await page.getByLabel("Titre du cours").fill("Fiches pratiques");
  await page.getByRole("button", { name: "Créer le cours" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Modifier Fiches pratiques" })).toBeVisible();
  await page.getByRole("button", { name: "Ajouter un module" }).click();
  await page.getByRole("button", { name: "Ajouter un document" }).click();
  const activity = page.locator(".activity-item").filter({ hasText: "Fichier" }).first();
  const input = activity.getByLabel("Document à télécharger (PDF, OpenDocument ou Office)");

  // An HTML page named .pdf is refused by content, with the reason spoken.
  await input.setInputFiles({
    name: "fiche.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("<html><script>alert(1)</script></html>"),
  });
  await expect(activity.getByRole("status")).toContainText("Seuls les documents PDF, OpenDocument");
  await expect(activity.getByText("Aucun document pour l'instant.")).toBeVisible();

  await input.setInputFiles({ name: "fiche-rgpd.pdf", mimeType: "application/pdf", buffer: pdfBytes });
  await expect(activity.getByText("Document : fiche-rgpd.pdf")).toBeVisible();
  await expect(page.getByText(/Brouillon enregistré/)).toBeVisible({ timeout: 15_000 });
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "Prévisualiser comme un·e apprenant·e" }).click();
  const link = page.getByRole("link", { name: "Télécharger le fichier (fiche-rgpd.pdf)" });
  await expect(link).toBeVisible();
  const response = await page.request.get((await link.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()).toMatchObject({ "content-type": "application/pdf", "x-content-type-options": "nosniff" });
  expect(response.headers()["content-disposition"]).toContain('attachment; filename="fiche-rgpd.pdf"');
  expect(Buffer.from(await response.body()).equals(pdfBytes)).toBe(true);
  await expectNoSeriousA11yViolations(page);
});
