import { test, expect, type Browser, type Page } from "@playwright/test";
import { readPdfText } from "../../testing/read-pdf-text";
import { signInAs } from "../support/auth";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { createSessionFixture, removeSessionFixture, withE2eDatabase } from "../support/session-fixtures";

const COURSE = "Bilan de compétences";
const MINUTE = 60_000;

/** A page of its own, signed in as one demo account (several people act in one journey). */
async function pageAs(
  browser: Browser,
  email: string,
  options: { locale?: string; width?: number } = {},
): Promise<Page> {
  const context = await browser.newContext({
    locale: options.locale ?? "fr-FR",
    viewport: { width: options.width ?? 1280, height: 800 },
  });
  const page = await context.newPage();
  await signInAs(page, email);
  return page;
}

test("the trainer takes the roll on a phone during the half-day; a correction needs its reason and revokes the certificate it produced", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const now = Date.now();
  const fixture = await createSessionFixture({
    courseSlug: "bilan-competences",
    slots: [{ startsAt: new Date(now - 10 * MINUTE), endsAt: new Date(now + 200 * MINUTE) }],
    registrations: [{ email: "manager@relais.test" }],
  });
  try {
    const trainer = await pageAs(browser, "trainer@relais.test", { width: 375 });
    await trainer.goto(`/sessions/${fixture.sessionId}`);
    await trainer.getByRole("link", { name: /Faire l'appel du/ }).click();
    await expect(trainer.getByRole("heading", { level: 1, name: `Appel — ${COURSE}` })).toBeVisible();
    await expect(trainer.getByText(/L'appel est possible de .* au .*; toute correction est tracée/)).toBeVisible();
    await expectNoSeriousA11yViolations(trainer);
    expect(await trainer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await trainer.getByRole("checkbox", { name: "Hélène Garnier" }).check();
    await trainer.getByRole("button", { name: "Enregistrer l'appel" }).click();
    await expect(trainer.locator("#roll-call-status")).toHaveText("Appel enregistré.");

    // The agent downloads the attendance certificate; its code verifies publicly, with what a third party needs.
    const manager = await pageAs(browser, "manager@relais.test");
    await manager.goto(`/sessions/${fixture.sessionId}`);
    const link = manager.getByRole("link", { name: "Télécharger mon attestation (PDF)" });
    await expect(link).toBeVisible();
    const certificate = await manager.request.get((await link.getAttribute("href"))!);
    expect(certificate.headers()["content-type"]).toBe("application/pdf");
    const text = readPdfText(await certificate.body()).replace(/\s+/g, " ");
    expect(text).toContain("Hélène Garnier");
    expect(text).toContain(COURSE);
    expect(text).toContain("Bilan de compétences — formation en présentiel");
    expect(text).not.toContain("SKILLS_ASSESSMENT");
    const code = /Code de vérification : ([0-9A-Z-]+)/.exec(text)?.[1];
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const verify = await browser.newPage({ locale: "fr-FR" });
    await verify.goto(`/verify/${code}`);
    await expect(verify.getByRole("status")).toHaveText("Cette attestation est valide.");
    await expect(verify.getByText("Hélène Garnier")).toBeVisible();
    await expect(verify.getByText("manager@relais.test")).toHaveCount(0);
    await expectNoSeriousA11yViolations(verify);

    // Unticking without a reason is refused in French, and nothing changes.
    await trainer.reload();
    await trainer.getByRole("checkbox", { name: "Hélène Garnier" }).uncheck();
    await trainer.getByRole("button", { name: "Enregistrer l'appel" }).click();
    await expect(trainer.locator("#roll-call-status")).toHaveText(/Indiquez le motif de la correction/);
    await verify.reload();
    await expect(verify.getByRole("status")).toHaveText("Cette attestation est valide.");
    await trainer.getByLabel(/Motif de la correction/).fill("Partie avant le début de la séance");
    await trainer.getByRole("button", { name: "Enregistrer l'appel" }).click();
    await expect(trainer.locator("#roll-call-status")).toHaveText("Appel enregistré.");

    // The presence withdrawn: the certificate is revoked (with its date) and cannot be had again.
    await verify.reload();
    await expect(verify.getByRole("status")).toHaveText("Cette attestation a été révoquée.");
    await expect(verify.getByText(/Révoquée le \d+/)).toBeVisible();
    const again = await manager.request.get(`/api/sessions/${fixture.sessionId}/certificate`);
    expect(again.status()).toBe(409);
    expect(await again.text()).toContain("Aucune demi-journée suivie");
    await manager.goto(`/sessions/${fixture.sessionId}`);
    await expect(manager.getByRole("link", { name: "Télécharger mon attestation (PDF)" })).toHaveCount(0);
  } finally {
    await removeSessionFixture(fixture.sessionId);
  }
});

test("a roll call for a half-day two weeks ahead is refused in the user's language and records nothing", async ({
  browser,
}) => {
  const startsAt = new Date(Date.now() + 14 * 24 * 60 * MINUTE);
  const fixture = await createSessionFixture({
    courseSlug: "bilan-competences",
    slots: [{ startsAt, endsAt: new Date(startsAt.getTime() + 210 * MINUTE) }],
    registrations: [{ email: "manager@relais.test" }],
  });
  try {
    for (const [locale, save, message] of [
      ["fr-FR", "Enregistrer l'appel", /L'appel de cette demi-journée ouvre le .*, 30 minutes avant son début/],
      ["en-GB", "Save the roll call", /The roll call of this half-day opens on .*, 30 minutes before it starts/],
    ] as const) {
      const trainer = await pageAs(browser, "trainer@relais.test", { locale });
      await trainer.goto(`/attendance/${fixture.slotIds[0]}`);
      await trainer.getByRole("checkbox").first().check();
      await trainer.getByRole("button", { name: save }).click();
      await expect(trainer.locator("#roll-call-status")).toHaveText(message);
      await trainer.context().close();
    }
    expect(await withE2eDatabase((prisma) => prisma.attendance.count({ where: { slotId: fixture.slotIds[0] } }))).toBe(
      0,
    );
  } finally {
    await removeSessionFixture(fixture.sessionId);
  }
});

test("the attendance sheet lists the confirmed trainees, not the cancelled one; an agent cannot print it", async ({
  browser,
}) => {
  const startsAt = new Date(Date.now() + 3 * 24 * 60 * MINUTE);
  const fixture = await createSessionFixture({
    courseSlug: "bilan-competences",
    slots: [{ startsAt, endsAt: new Date(startsAt.getTime() + 210 * MINUTE) }],
    registrations: [{ email: "manager@relais.test" }, { email: "agent@relais.test", status: "CANCELLED" }],
  });
  try {
    const coordinator = await pageAs(browser, "coordinator@relais.test");
    await coordinator.goto(`/sessions/${fixture.sessionId}`);
    await expectNoSeriousA11yViolations(coordinator);
    const sheet = await coordinator.request.get(`/api/sessions/${fixture.sessionId}/attendance-sheet`);
    expect(sheet.headers()["content-type"]).toBe("application/pdf");
    const text = readPdfText(await sheet.body());
    expect(text).toContain("Feuille d'émargement");
    expect(text).toContain("Hélène Garnier");
    expect(text).toContain("Sophie Lambert");
    expect(text).not.toContain("Julien Morel");
    const agent = await pageAs(browser, "agent@relais.test");
    expect((await agent.request.get(`/api/sessions/${fixture.sessionId}/attendance-sheet`)).status()).toBe(403);
  } finally {
    await removeSessionFixture(fixture.sessionId);
  }
});
