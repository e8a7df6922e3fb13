import { test, expect, type Page } from "@playwright/test";
import { signInAs } from "../support/auth";

// Issue 12 §2: the pages still work under the Content-Security-Policy (nonced scripts only,
// lesson media from Relais): no violation reported, by the browser's console or its
// securitypolicyviolation events, on the main pages — sign-in, catalogue, player with video,
// editor (tiptap), dashboards with charts.
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text()))
      console.push(`${page.url()}: ${message.text()}`);
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return async () => [
    ...console,
    ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])),
  ];
}

test("the main pages run under the CSP without a single violation", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const violations = await watchViolations(page);

  // Sign-in works (its button is React: scripts ran with the nonce).
  await signInAs(page, "agent@relais.test");
  expect(await violations()).toEqual([]);

  await page.goto("/catalogue");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await violations()).toEqual([]);

  // The player with its video: the local stream plays (media-src 'self').
  await page.goto("/learn");
  const playerHref = await page
    .getByRole("link", { name: "Protection des données : les essentiels pour les agents" })
    .getAttribute("href");
  await page.goto(`${playerHref!}?activity=rgpd-video-1`);
  const video = page.locator("video").first();
  await expect(video).toBeVisible();
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.readyState)).toBeGreaterThan(0);
  expect(await violations()).toEqual([]);

  // The editor (tiptap) of a trainer's course.
  const trainerContext = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const trainer = await trainerContext.newPage();
  const trainerViolations = await watchViolations(trainer);
  await signInAs(trainer, "trainer@relais.test");
  await trainer.goto("/trainer");
  await trainer.getByLabel("Titre du cours").fill("Cours sous CSP");
  await trainer.getByRole("button", { name: "Créer le cours" }).click();
  await trainer.getByRole("button", { name: "Ajouter un module" }).click();
  await trainer.getByRole("button", { name: "Ajouter une leçon" }).click();
  const editor = trainer.getByRole("textbox", { name: "Contenu de la leçon" });
  await editor.click();
  await editor.pressSequentially("Texte saisi sous CSP");
  await expect(editor).toContainText("Texte saisi sous CSP");
  await expect(trainer.getByText(/Brouillon enregistré/)).toBeVisible({ timeout: 15_000 });
  expect(await trainerViolations()).toEqual([]);
  await trainerContext.close();

  // Dashboards with charts: the officer's and the national administrator's.
  for (const [email, path] of [
    ["officer@relais.test", "/officer"],
    ["admin@relais.test", "/admin"],
  ] as const) {
    const context = await browser.newContext({ baseURL: new URL(page.url()).origin });
    const other = await context.newPage();
    const otherViolations = await watchViolations(other);
    await signInAs(other, email);
    await other.goto(path);
    await expect(other.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(other.locator("svg").first()).toBeVisible();
    expect(await otherViolations()).toEqual([]);
    await context.close();
  }
});
