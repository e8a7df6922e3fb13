import { test, expect, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { signInAs, signOutAndIn } from "../support/auth";
import { E2E } from "../../scripts/e2e-settings";
import { resolveDatabase } from "../../lib/db/local-database";
import { createPrismaClient } from "../../lib/db/create-client";
import { externalTestDatabaseUrl } from "../../testing/test-database-url";
import { followNavigation } from "../support/navigation";

// Two institutions of Auvergne-Rhône-Alpes (Grenoble, Lyon): needs expressed, opinions, decisions,
// pooled by the regional correspondent into one shared session, the requesters told and registered
// first, and the indicators counting the needs satisfied once the session took place.
const COURSE = "Sauveteur secouriste du travail";
const DAY = 86_400_000;

async function expressNeed(page: Page) {
  await followNavigation(page, "Mes besoins de formation");
  await expect(page.getByRole("heading", { level: 1, name: "Mes besoins de formation" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Formation du catalogue").selectOption({ label: COURSE });
  await page.getByLabel("Priorité").selectOption({ label: "Haute" });
  await page.getByLabel("Justification").fill("Référent sécurité de mon service à partir de janvier.");
  await page.getByRole("button", { name: "Envoyer le besoin" }).click();
  await expect(page.locator("#express-need-status")).toHaveText("Votre besoin est enregistré.");
  await expect(page.getByRole("heading", { level: 3, name: COURSE })).toBeVisible();
}

async function giveFavourableOpinion(page: Page, agentName: string) {
  await page.goto("/needs/team");
  await expect(page.getByRole("heading", { level: 1, name: "Besoins de formation de mon équipe" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const card = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: `${agentName} — ${COURSE}` }) });
  // Unfavourable without a reason: refused, in French.
  await card.getByLabel("Défavorable").check();
  await card.getByRole("button", { name: `Enregistrer l'avis sur le besoin de ${agentName}` }).click();
  await expect(page.locator("#team-announcer")).toHaveText(/Indiquez le motif/);
  await card.getByLabel("Favorable", { exact: true }).check();
  await card.getByRole("button", { name: `Enregistrer l'avis sur le besoin de ${agentName}` }).click();
  await expect(page.locator("#team-announcer")).toHaveText("Avis enregistré.");
}

async function retainNeed(page: Page, agentName: string) {
  await followNavigation(page, "Campagne de recueil");
  await expect(page.getByRole("heading", { level: 1, name: /^Campagne de recueil des besoins — / })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const card = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: `${agentName} — ${COURSE}` }) });
  await expect(card.getByText("Avis du responsable : Favorable")).toBeVisible();
  await card.getByLabel("Retenu au plan").check();
  await card.getByRole("button", { name: `Décider le besoin de ${agentName}` }).click();
  await expect(page.locator("#officer-needs-announcer")).toHaveText("Décision enregistrée.");
  return page.url();
}

async function satisfiedNeeds(page: Page): Promise<number> {
  await page.goto("/needs/indicators");
  await expect(page.getByRole("heading", { level: 1, name: "Égalité d'accès à la formation : besoins" })).toBeVisible();
  return Number((await page.locator('[data-indicator="needsSatisfied"]').innerText()).replace(/\D/g, ""));
}

test("needs across two institutions of a region: express → opinion → decision → pooled session at a relay site → requesters first → needs satisfied", async ({
  page,
}) => {
  test.setTimeout(300_000);

  // Agents of Grenoble and Lyon express the same need.
  await signInAs(page, "agent@relais.test");
  await expressNeed(page);
  await signOutAndIn(page, "agent@ulyon.relais.test");
  await expressNeed(page);

  // Their managers give their opinion.
  await signOutAndIn(page, "manager@relais.test");
  await giveFavourableOpinion(page, "Julien Morel");
  await signOutAndIn(page, "manager@ulyon.relais.test");
  await giveFavourableOpinion(page, "Camille Fabre");

  // Each officer retains the need of their institution; Lyon's officer cannot open Grenoble's campaign.
  await signOutAndIn(page, "officer@relais.test");
  const grenobleNeedsUrl = await retainNeed(page, "Julien Morel");
  await signOutAndIn(page, "officer@ulyon.relais.test");
  await retainNeed(page, "Camille Fabre");
  await page.goto(grenobleNeedsUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();

  // The agent follows their need: retained.
  await signOutAndIn(page, "agent@relais.test");
  await page.goto("/needs");
  await expect(page.getByText("Retenu au plan de formation")).toBeVisible();

  // The regional correspondent pools them into one session at a relay site.
  await signOutAndIn(page, "correspondent@relais.test");
  const satisfiedBefore = await satisfiedNeeds(page);
  await expectNoSeriousA11yViolations(page);
  await followNavigation(page, "Mutualisation des besoins");
  await expect(page.getByRole("heading", { level: 1, name: "Mutualisation des besoins de formation" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(COURSE) }) });
  await expect(row.getByRole("cell").nth(0)).toHaveText("2"); // agents
  await expect(row.getByRole("cell").nth(1)).toHaveText("2"); // institutions
  await row.getByRole("link", { name: "Mutualiser en Auvergne-Rhône-Alpes" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: /^Créer une session partagée — Auvergne-Rhône-Alpes/ }),
  ).toBeVisible();
  await expect(page.getByRole("table", { name: "2 agents demandeurs" })).toBeVisible();
  await expect(page.getByText("Réduit le plus les déplacements")).toBeVisible();
  await expect(
    page.getByRole("table", { name: /Frais de mission évités|Déplacements et frais de mission évités/ }),
  ).toContainText("Université de Lyon");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Formation", { exact: true }).selectOption({ label: COURSE });
  // Grenoble's first room (its capacity, in the label, comes from the demo data).
  const grenoble = await page
    .locator("#pooled-place option", { hasText: "Site relais de Grenoble" })
    .first()
    .getAttribute("value");
  await page.getByLabel("Site relais et salle").selectOption(grenoble!);
  await page.getByLabel("Date").fill(new Date(Date.now() + 120 * DAY).toISOString().slice(0, 10));
  await page.getByLabel("Places").fill("10");
  await page.getByLabel(/Période d'inscription prioritaire/).fill("14");
  await page.getByRole("button", { name: "Créer la session et prévenir les demandeurs" }).click();
  await expect(page).toHaveURL(/\/sessions\/[^/]+$/, { timeout: 30_000 });
  const sessionUrl = new URL(page.url()).pathname;
  const sessionId = sessionUrl.split("/").pop()!;

  // Someone whose need it does not answer is not offered to register during the priority window:
  // the page says from when they may (the server's own refusal is tested in lib/needs and lib/sessions).
  await signOutAndIn(page, "manager@ulyon.relais.test");
  await page.goto(sessionUrl);
  await expect(page.getByText(/seuls les agents dont elle répond au besoin peuvent s'y inscrire/)).toBeVisible();
  await expect(page.getByRole("button", { name: "S'inscrire" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // The requesters are told and register first.
  for (const email of ["agent@ulyon.relais.test", "agent@relais.test"]) {
    await signOutAndIn(page, email);
    await page.goto("/notifications");
    await expect(page.getByText(`Une session répond à votre besoin : ${COURSE}`).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.goto(sessionUrl);
    await page.getByRole("button", { name: "S'inscrire" }).click();
    await expect(page.getByText("Demande enregistrée.").first()).toBeVisible();
    await page.goto("/needs");
    await expect(page.getByText("Une session y répond")).toBeVisible();
  }

  // The day of the session comes (its half-days move to yesterday) and the coordinator takes the roll call.
  const handle = await resolveDatabase({
    cluster: E2E.cluster,
    database: "relais_e2e",
    preferredPort: E2E.pgPort,
    externalUrl: externalTestDatabaseUrl("e2e"),
  });
  const prisma = createPrismaClient(handle.databaseUrl, { poolSize: 1 });
  try {
    const slots = await prisma.sessionSlot.findMany({ where: { sessionId }, orderBy: { startsAt: "asc" } });
    for (const slot of slots) {
      const shift = Math.ceil((slot.startsAt.getTime() - Date.now()) / DAY + 1) * DAY;
      await prisma.sessionSlot.update({
        where: { id: slot.id },
        data: { startsAt: new Date(slot.startsAt.getTime() - shift), endsAt: new Date(slot.endsAt.getTime() - shift) },
      });
    }
  } finally {
    await prisma.$disconnect();
  }
  await signOutAndIn(page, "coordinator@relais.test");
  await page.goto(sessionUrl);
  await page
    .getByRole("link", { name: /^Faire l'appel du / })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: `Appel — ${COURSE}` })).toBeVisible();
  await page.getByLabel("Julien Morel").check();
  await page.getByLabel("Camille Fabre").check();
  await page.getByRole("button", { name: "Enregistrer l'appel" }).click();
  await expect(page.locator("#roll-call-status")).toHaveText("Appel enregistré.");

  // The indicators count both needs as satisfied.
  await signOutAndIn(page, "correspondent@relais.test");
  expect(await satisfiedNeeds(page)).toBe(satisfiedBefore + 2);
  await page.getByLabel("Ventilation").selectOption({ label: "sexe" });
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByRole("rowheader", { name: "Hommes" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
