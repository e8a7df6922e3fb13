import { test, expect, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { readMailbox } from "../support/mailbox";
import { signInAs } from "../support/auth";
import { createSessionFixture, removeSessionFixture } from "../support/session-fixtures";

// The sessions journeys, each over a session of its own (e2e/support/session-fixtures.ts) and
// each person in a page of their own: scheduling, registration with approval and waitlist, a
// cancellation promoting the waitlist. Attendance, certificates and the sheet are in
// sessions-attendance.spec.ts.
const COURSE = "Bilan de compétences";
const DAY = 86_400_000;

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
}

async function pageAs(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await signInAs(page, email);
  return page;
}

/** A one-seat session in about three weeks, registrations open. */
function upcomingSession(registrations: Parameters<typeof createSessionFixture>[0]["registrations"] = []) {
  const startsAt = new Date(Date.now() + 21 * DAY);
  return createSessionFixture({
    courseSlug: "bilan-competences",
    capacity: 1,
    registrationDeadline: new Date(Date.now() + 14 * DAY),
    slots: [{ startsAt, endsAt: new Date(startsAt.getTime() + 3.5 * 3600_000) }],
    registrations,
  });
}

test("the coordinator schedules a session; a clash is refused; the site calendar, its iCal feed and the deletion refusals follow", async ({
  browser,
}) => {
  const page = await pageAs(browser, "coordinator@relais.test");
  const day = isoDay(200);
  // The coordinator schedules a one-seat session at their site.
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
  const feed = await page.request.get(`/api/calendar/sites/${siteUrl.split("/").pop()}`);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  // The feed is public: it lists the site's nationally visible courses, never an
  // institution-only one such as this course.
  const ical = await feed.text();
  expect(ical).toContain("SUMMARY:Sauveteur secouriste du travail");
  expect(ical).not.toContain(`SUMMARY:${COURSE}`);
});

test("an agent registers (approval needed) for the only seat; another joins the waitlist; the manager approves", async ({
  browser,
}) => {
  const fixture = await upcomingSession();
  try {
    const sessionUrl = `/sessions/${fixture.sessionId}`;
    const page = await pageAs(browser, "agent@relais.test");
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
    await page.getByRole("button", { name: "S'inscrire" }).click();
    await expect(
      page.getByRole("region", { name: "Mon inscription" }).getByText("En attente de validation"),
    ).toBeVisible();
    // The register form gave way to the cancel form; the outcome is still spoken by the page's live region.
    await expect(page.locator("#session-announcer[role=status]")).toHaveText("Demande enregistrée.");
    // The manager is asked by e-mail too.
    await expect
      .poll(
        () =>
          readMailbox().some(
            (mail) => mail.to === "manager@relais.test" && mail.subject === "Demande à valider : Julien Morel",
          ),
        { timeout: 90_000 },
      )
      .toBe(true);

    const manager = await pageAs(browser, "manager@relais.test");
    await manager.goto(sessionUrl);
    await manager.getByRole("button", { name: "Rejoindre la liste d'attente" }).click();
    await expect(
      manager.getByRole("region", { name: "Mon inscription" }).getByText("Sur liste d'attente"),
    ).toBeVisible();
    await manager.goto("/approvals");
    await expectNoSeriousA11yViolations(manager);
    await manager.getByLabel("Commentaire (obligatoire en cas de refus)").first().fill("Bon projet.");
    await manager.getByRole("button", { name: "Enregistrer la décision pour Julien Morel" }).click();
    await expect(manager.getByText("Aucune demande en attente.")).toBeVisible();
    await expect(manager.locator("#approvals-announcer[role=status]")).toHaveText("Décision enregistrée.");
    await page.goto(sessionUrl);
    await expect(page.getByText("Inscription confirmée").first()).toBeVisible();
  } finally {
    await removeSessionFixture(fixture.sessionId);
  }
});

test("a cancellation offers the seat to the waitlist by notification and e-mail; the offer accepted goes to the training officer", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const fixture = await upcomingSession([
    { email: "agent@relais.test" },
    { email: "manager@relais.test", status: "WAITLISTED" },
  ]);
  try {
    const sessionUrl = `/sessions/${fixture.sessionId}`;
    const page = await pageAs(browser, "agent@relais.test");
    await page.goto(sessionUrl);
    await expect(page.getByText("Inscription confirmée").first()).toBeVisible();
    await page.getByRole("button", { name: "Annuler mon inscription" }).click();
    // A confirmation first: keeping the registration changes nothing.
    const confirm = page.getByRole("dialog", { name: /Annuler votre inscription/ });
    await confirm.getByRole("button", { name: "Garder mon inscription" }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText("Inscription confirmée").first()).toBeVisible();
    await page.getByRole("button", { name: "Annuler mon inscription" }).click();
    await confirm.getByRole("button", { name: "Oui, annuler mon inscription" }).click();
    await expect(
      page.getByRole("region", { name: "Mon inscription" }).getByText("Annulée", { exact: true }),
    ).toBeVisible();
    await expect(page.locator("#session-announcer[role=status]")).toHaveText("Inscription annulée.");

    // The offer also goes out by e-mail, with the session's .ics, sent by the server's own jobs
    // (pg-boss started with `next start`) to the local SMTP capture: no test code delivers it.
    const offers = () =>
      readMailbox().filter(
        (mail) =>
          mail.to === "manager@relais.test" &&
          mail.subject === `Une place vous est proposée : ${COURSE}` &&
          mail.raw.includes(fixture.sessionId),
      );
    await expect.poll(() => offers().length, { timeout: 90_000 }).toBe(1);
    expect(offers()[0]!.raw).toContain("text/calendar");

    const manager = await pageAs(browser, "manager@relais.test");
    await manager.goto("/notifications");
    await expectNoSeriousA11yViolations(manager);
    await expect(manager.getByRole("link", { name: `Une place vous est proposée : ${COURSE}` }).first()).toBeVisible();
    await manager.goto(sessionUrl);
    await manager.getByRole("button", { name: "Accepter la place proposée" }).click();
    await expect(
      manager.getByRole("region", { name: "Mon inscription" }).getByText("En attente de validation"),
    ).toBeVisible();

    // The manager has no manager: the training officer decides.
    const officer = await pageAs(browser, "officer@relais.test");
    await officer.goto("/approvals");
    await officer.getByRole("button", { name: "Enregistrer la décision pour Hélène Garnier" }).click();
    await expect(officer.getByText("Aucune demande en attente.")).toBeVisible();
    await manager.goto(sessionUrl);
    await expect(manager.getByText("Inscription confirmée").first()).toBeVisible();
  } finally {
    await removeSessionFixture(fixture.sessionId);
  }
});
