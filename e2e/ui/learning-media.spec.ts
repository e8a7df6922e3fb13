import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { test, expect } from "@playwright/test";
import { signInAs } from "../support/auth";
import { expectNoSeriousA11yViolations } from "../support/axe";

const WEBM = readFileSync(path.join(process.cwd(), "content/courses/media/relais-intro.webm"));

test("a trainer attaches a video with its poster, inserts an image with alt text and embeds a video in a lesson; wrong files are refused", async ({
  page,
}) => {
  const png = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: "#000091" } })
    .png()
    .toBuffer();
  await signInAs(page, "trainer@relais.test");
  await page.goto("/trainer");
  await page.getByLabel("Titre du cours").fill("Filmer une démonstration");
  await page.getByRole("button", { name: "Créer le cours" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Modifier Filmer une démonstration" })).toBeVisible();
  await page.getByRole("button", { name: "Ajouter un module" }).click();

  // A video activity: upload (local provider here), ready, then a poster.
  await page.getByRole("button", { name: "Ajouter une vidéo" }).click();
  const activity = page.locator(".activity-item").filter({ hasText: "Vidéo" }).first();
  await activity
    .getByLabel("Fichier vidéo (MP4 ou WebM)")
    .setInputFiles({ name: "demo.webm", mimeType: "video/webm", buffer: WEBM });
  await expect(activity.getByText("Vidéo prête.")).toBeVisible({ timeout: 30_000 });
  await activity
    .getByLabel("Image d'aperçu (affichée avant la lecture)")
    .setInputFiles({ name: "poster.png", mimeType: "image/png", buffer: png });
  const poster = activity.getByRole("img", { name: "Aperçu de la vidéo" });
  await expect(poster).toBeVisible();
  await expect.poll(() => poster.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(1280);

  const savedRevision = async () =>
    Number(
      /révision (\d+)/.exec(
        (await page.getByText(/Brouillon enregistré/).textContent({ timeout: 15_000 })) ?? "",
      )?.[1] ?? 0,
    );
  await expect(page.getByText(/Brouillon enregistré/)).toBeVisible({ timeout: 15_000 });

  // A lesson: an image needs its alternative text; a fake image is refused by content.
  await page.getByRole("button", { name: "Ajouter une leçon" }).click();
  await page.getByRole("button", { name: "Image", exact: true }).click();
  const imageForm = page.getByRole("group", { name: "Image" });
  await imageForm
    .getByLabel("Fichier image (PNG, JPEG ou WebP)")
    .setInputFiles({ name: "schema.png", mimeType: "image/png", buffer: png });
  await imageForm.getByRole("button", { name: "Insérer l'image" }).click();
  await expect(imageForm.getByRole("alert")).toHaveText("Saisissez le texte alternatif de l'image avant de l'insérer.");
  await imageForm
    .getByLabel("Fichier image (PNG, JPEG ou WebP)")
    .setInputFiles({ name: "evil.png", mimeType: "image/png", buffer: Buffer.from("<svg onload=alert(1)>") });
  await imageForm.getByLabel("Texte alternatif (obligatoire)").fill("Schéma du tournage");
  await imageForm.getByRole("button", { name: "Insérer l'image" }).click();
  await expect(imageForm.getByRole("alert")).toContainText("Seules les images PNG, JPEG et WebP sont acceptées");
  await imageForm
    .getByLabel("Fichier image (PNG, JPEG ou WebP)")
    .setInputFiles({ name: "schema.png", mimeType: "image/png", buffer: png });
  await imageForm.getByRole("button", { name: "Insérer l'image" }).click();
  const inserted = page
    .getByRole("textbox", { name: "Contenu de la leçon" })
    .getByRole("img", { name: "Schéma du tournage" });
  await expect(inserted).toBeVisible();
  expect(await inserted.getAttribute("src")).toMatch(/^\/api\/uploads\/images\/[0-9a-f]{64}\.webp$/);

  // A video embedded in the lesson.
  const beforeVideo = await savedRevision();
  await page.getByRole("button", { name: "Vidéo", exact: true }).click();
  const videoForm = page.getByRole("group", { name: "Vidéo" });
  await videoForm.getByLabel("Titre de la vidéo (obligatoire)").fill("Le plan de tournage");
  await videoForm
    .getByLabel("Fichier vidéo (MP4 ou WebM)")
    .setInputFiles({ name: "plan.webm", mimeType: "video/webm", buffer: WEBM });
  await expect(videoForm.getByText("Vidéo prête.")).toBeVisible({ timeout: 30_000 });
  await videoForm.getByRole("button", { name: "Insérer la vidéo" }).click();
  await expect(
    page.getByRole("textbox", { name: "Contenu de la leçon" }).locator('video[title="Le plan de tournage"]'),
  ).toHaveCount(1);
  // Autosaved after the last change (a later revision than before it).
  await expect.poll(savedRevision, { timeout: 20_000 }).toBeGreaterThan(beforeVideo);
  await expectNoSeriousA11yViolations(page);

  // The learner's view: the sanitized lesson keeps the image and the video; the video activity has its poster.
  // The preview is the player, one activity at a time: the video activity first, with its poster.
  await page.getByRole("link", { name: "Prévisualiser comme un·e apprenant·e" }).click();
  await expect(page.locator('video.player-video[poster^="/api/video/"]')).toHaveCount(1);
  await page.getByRole("navigation", { name: "Plan de la formation" }).getByRole("link", { name: "Leçon" }).click();
  await expect(page.getByRole("img", { name: "Schéma du tournage" })).toBeVisible();
  await expect(page.locator('.lesson video[title="Le plan de tournage"]')).toHaveAttribute(
    "src",
    /^\/api\/video\/[\w-]+\/stream$/,
  );
  const image = await page.request.get(
    (await page.getByRole("img", { name: "Schéma du tournage" }).getAttribute("src"))!,
  );
  expect(image.headers()["cache-control"]).toBe("private, max-age=31536000, immutable");
  await expectNoSeriousA11yViolations(page);
});
