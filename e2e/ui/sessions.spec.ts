import { test, expect, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { readMailbox } from "../support/mailbox";
import { readPdfText } from "../../testing/read-pdf-text";

const COURSE = "Bilan de compétences";

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** As e2e/support/auth.ts signInAs, with more patience: this journey signs in eight times on a shared, loaded machine. */
async function signInAs(page: Page, email: string) {
  await page.goto("/auth/signin");
  await page.getByRole("button", { name: new RegExp(email.replace(/[.@]/g, "\\$&")) }).click();
  await expect(page.getByRole("button", { name: /Se déconnecter|Sign out/ })).toBeVisible({ timeout: 30_000 });
}

async function signOutAndIn(page: Page, email: string) {
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Se connecter" }).first()).toBeVisible({ timeout: 30_000 });
  await signInAs(page, email);
}

test("hybrid session journey: schedule → register and waitlist → approve → cancel promotes → roll call on a phone → certificate → attendance sheet", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const day = isoDay(200);

  // The coordinator schedules a one-seat session at their site.
  await signInAs(page, "coordinator@relais.test");
  await page.goto("/coordinator");
  await expect(page.getByRole("heading", { level: 1, name: "Sessions de mon site relais" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Formation (version publiée)").selectOption({ label: COURSE });
  await page.getByLabel("Nombre de places").fill("1");
  await page.getByLabel("Date limite d'inscription").fill(isoDay(199));
  await page.locator("#slot-date-0").fill(day);
  await page.locator("#slot-trainer-0").selectOption({ label: "Sophie Lambert" });
  await page.getByRole("button", { name: "Programmer la session" }).click();
  await expect(page.locator("#schedule-status")).toHaveText("Session programmée.");

  // The same room and trainer at the same time again: refused, naming the clash.
  await page.getByLabel("Formation (version publiée)").selectOption({ label: COURSE });
  await page.getByLabel("Nombre de places").fill("1");
  await page.getByLabel("Date limite d'inscription").fill(isoDay(199));
  await page.locator("#slot-date-0").fill(day);
  await page.locator("#slot-trainer-0").selectOption({ label: "Sophie Lambert" });
  await page.getByRole("button", { name: "Programmer la session" }).click();
  await expect(page.locator("#schedule-status")).toContainText("est déjà réservée pour « Bilan de compétences »");

  // Its site calendar (accessible table) leads to the session.
  await page
    .getByRole("link", { name: /Site : / })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 2, name: "Agenda du site" })).toBeVisible();
  const siteUrl = page.url().split("?")[0]!;
  await page.goto(`${siteUrl}?view=week&from=${day}`);
  await expectNoSeriousA11yViolations(page);
  // A room with future sessions cannot be deleted: the refusal lists them.
  await page.getByRole("button", { name: /^Supprimer la salle Salle Belledonne$/ }).click();
  await expect(page.getByText(/est utilisée par des sessions à venir : .*Bilan de compétences/)).toBeVisible();
  // Nor the site itself.
  await page.getByRole("button", { name: /^Supprimer le site / }).click();
  await expect(page.locator("#delete-site-status")).toContainText(/a des sessions à venir : .*Bilan de compétences/);
  await page
    .getByRole("table", { name: /Demi-journées programmées/ })
    .getByRole("link", { name: COURSE })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: COURSE })).toBeVisible();
  const sessionUrl = page.url();
  const feed = await page.request.get(`/api/calendar/sites/${siteUrl.split("/").pop()}`);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  expect(await feed.text()).toContain(`SUMMARY:${COURSE}`);

  // Agent 1 registers (the course needs their manager's approval): the only seat is held.
  await signOutAndIn(page, "agent@relais.test");
  await page.goto("/sites");
  await expect(
    page.getByRole("table", { name: "Sites relais triés par distance" }).getByRole("row").nth(1),
  ).toContainText("Grenoble");
  // The same sites on a map drawn without tile servers: each point is a link naming the site and its distance.
  const map = page.getByRole("group", { name: "Carte des sites relais" });
  await expect(map.getByRole("img", { name: "Votre lieu de travail" })).toBeVisible();
  await expect(map.getByRole("link", { name: /Grenoble.*, \d+ km$/ }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto(sessionUrl);
  await expectNoSeriousA11yViolations(page);
  // The page re-renders with the new status (the register form gives way to the cancel form).
  await page.getByRole("button", { name: "S'inscrire" }).click();
  await expect(
    page.getByRole("region", { name: "Mon inscription" }).getByText("En attente de validation"),
  ).toBeVisible();
  // The register form gave way to the cancel form; the outcome is still spoken by the page's live region.
  await expect(page.locator("#session-announcer[role=status]")).toHaveText("Demande enregistrée.");

  // Agent 2 (the manager, also an agent) finds the session full and joins the waitlist.
  await signOutAndIn(page, "manager@relais.test");
  await page.goto(sessionUrl);
  await page.getByRole("button", { name: "Rejoindre la liste d'attente" }).click();
  await expect(page.getByRole("region", { name: "Mon inscription" }).getByText("Sur liste d'attente")).toBeVisible();

  // The manager approves agent 1.
  await page.goto("/sessions/approvals");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Commentaire (obligatoire en cas de refus)").first().fill("Bon projet.");
  await page.getByRole("button", { name: "Enregistrer la décision pour Julien Morel" }).click();
  await expect(page.getByText("Aucune demande en attente.")).toBeVisible();
  await expect(page.locator("#approvals-announcer[role=status]")).toHaveText("Décision enregistrée.");

  // Agent 1 cancels: the seat is offered to the waitlisted manager, who is notified and accepts.
  await signOutAndIn(page, "agent@relais.test");
  await page.goto(sessionUrl);
  await expect(page.getByText("Inscription confirmée").first()).toBeVisible();
  await page.getByRole("button", { name: "Annuler mon inscription" }).click();
  await expect(
    page.getByRole("region", { name: "Mon inscription" }).getByText("Annulée", { exact: true }),
  ).toBeVisible();
  await expect(page.locator("#session-announcer[role=status]")).toHaveText("Inscription annulée.");

  // The offer also goes out by e-mail, with the session's .ics, sent by the server's own jobs
  // (pg-boss started with `next start`) to the local SMTP capture: no test code delivers it.
  await expect
    .poll(
      () =>
        readMailbox().filter(
          (mail) => mail.to === "manager@relais.test" && mail.subject === `Une place vous est proposée : ${COURSE}`,
        ).length,
      { timeout: 90_000 },
    )
    .toBe(1);
  expect(readMailbox().find((mail) => mail.subject === `Une place vous est proposée : ${COURSE}`)!.raw).toContain(
    "text/calendar",
  );
  expect(
    readMailbox().some(
      (mail) => mail.to === "manager@relais.test" && mail.subject === "Demande à valider : Julien Morel",
    ),
  ).toBe(true);

  await signOutAndIn(page, "manager@relais.test");
  await page.goto("/notifications");
  await expectNoSeriousA11yViolations(page);
  await expect(page.getByRole("link", { name: `Une place vous est proposée : ${COURSE}` })).toBeVisible();
  await page.goto(sessionUrl);
  await page.getByRole("button", { name: "Accepter la place proposée" }).click();
  await expect(
    page.getByRole("region", { name: "Mon inscription" }).getByText("En attente de validation"),
  ).toBeVisible();

  // The manager has no manager: the training officer decides.
  await signOutAndIn(page, "officer@relais.test");
  await page.goto("/sessions/approvals");
  await page.getByRole("button", { name: "Enregistrer la décision pour Hélène Garnier" }).click();
  await expect(page.getByText("Aucune demande en attente.")).toBeVisible();

  // The trainer takes the roll on a phone.
  await signOutAndIn(page, "trainer@relais.test");
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(sessionUrl);
  await page.getByRole("link", { name: /Faire l'appel du/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Appel — ${COURSE}` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.getByRole("checkbox", { name: "Hélène Garnier" }).check();
  await page.getByRole("button", { name: "Enregistrer l'appel" }).click();
  await expect(page.locator("#roll-call-status")).toHaveText("Appel enregistré.");
  await page.setViewportSize({ width: 1280, height: 800 });

  // The promoted agent downloads the certificate; its code verifies publicly.
  await signOutAndIn(page, "manager@relais.test");
  await page.goto(sessionUrl);
  const certificateLink = page.getByRole("link", { name: "Télécharger mon attestation (PDF)" });
  await expect(certificateLink).toBeVisible();
  const certificate = await page.request.get((await certificateLink.getAttribute("href"))!);
  expect(certificate.headers()["content-type"]).toBe("application/pdf");
  const certificateText = readPdfText(await certificate.body());
  expect(certificateText).toContain("Hélène Garnier");
  expect(certificateText).toContain(COURSE);
  const code = /Code de vérification : ([A-Z0-9]+)/.exec(certificateText)?.[1];
  expect(code).toBeTruthy();
  await page.goto(`/verify/${code}`);
  await expect(page.getByRole("status")).toHaveText("Cette attestation est valide.");
  await expectNoSeriousA11yViolations(page);

  // The attendance sheet lists the right people: the confirmed agent, not the one who cancelled.
  await signOutAndIn(page, "coordinator@relais.test");
  await page.goto(sessionUrl);
  await expectNoSeriousA11yViolations(page);
  const sheet = await page.request.get(
    `${new URL(sessionUrl).pathname.replace("/sessions/", "/api/sessions/")}/attendance-sheet`,
  );
  expect(sheet.headers()["content-type"]).toBe("application/pdf");
  const sheetText = readPdfText(await sheet.body());
  expect(sheetText).toContain("Feuille d'émargement");
  expect(sheetText).toContain("Hélène Garnier");
  expect(sheetText).toContain("Sophie Lambert");
  expect(sheetText).not.toContain("Julien Morel");

  // An agent cannot print it.
  await signOutAndIn(page, "agent@relais.test");
  expect(
    (
      await page.request.get(`${new URL(sessionUrl).pathname.replace("/sessions/", "/api/sessions/")}/attendance-sheet`)
    ).status(),
  ).toBe(403);
});
