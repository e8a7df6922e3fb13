import { test, expect, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { signInAs } from "../support/auth";
import { createSessionFixture, removeSessionFixture, withE2eDatabase } from "../support/session-fixtures";

// Issue 16: the two-step approval journey configured on the settings screen (the manager
// approves, then the training officer; a refusal with its reason), the session's costs recorded by
// its coordinator, and the training plan and cost indicators the officer reads — axe on each page.
const COURSE = "Bilan de compétences";
const DAY = 86_400_000;
/** decide-registration's refusal of a refusal without a comment (lib/sessions). */
const REFUSAL_NEEDS_COMMENT = "« Commentaire » n'est pas valide.";

async function pageAs(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await signInAs(page, email);
  return page;
}

async function grenobleId(): Promise<string> {
  return withE2eDatabase(async (prisma) => {
    const officer = await prisma.user.findUniqueOrThrow({ where: { email: "officer@relais.test" } });
    return officer.institutionId!;
  });
}

test("two-step approval set on the settings screen: the manager approves, the officer approves, the agent is confirmed; a refusal shows its reason", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const institutionId = await grenobleId();
  const startsAt = new Date(Date.now() + 30 * DAY);
  const fixture = await createSessionFixture({
    courseSlug: "bilan-competences",
    capacity: 5,
    registrationDeadline: new Date(Date.now() + 20 * DAY),
    slots: [{ startsAt, endsAt: new Date(startsAt.getTime() + 3.5 * 3600_000) }],
  });
  try {
    const sessionUrl = `/sessions/${fixture.sessionId}`;
    // The training officer sets the chain: the manager, then the training service.
    const officer = await pageAs(browser, "officer@relais.test");
    await officer.goto(`/institutions/${institutionId}`);
    const settings = officer.getByRole("region", { name: "Validation des inscriptions" });
    await expect(settings).toBeVisible();
    await expectNoSeriousA11yViolations(officer);
    // The browser refuses a delay out of 1–30 before sending (the server's refusal is tested in lib/sessions).
    const delay = settings.getByLabel("Relancer les valideurs après (jours)");
    await delay.fill("0");
    expect(await delay.evaluate((input) => (input as HTMLInputElement).validity.valid)).toBe(false);
    await settings.getByLabel("Le responsable (N+1), puis le service de formation").check();
    await settings.getByLabel("Relancer les valideurs après (jours)").fill("4");
    await settings.getByRole("button", { name: "Enregistrer le circuit" }).click();
    await expect(officer.locator("#institution-approval-status")).toHaveText("Circuit de validation enregistré.");

    // The agent asks for a seat.
    const agent = await pageAs(browser, "agent@relais.test");
    await agent.goto(sessionUrl);
    await agent.getByRole("button", { name: "S'inscrire" }).click();
    const mine = agent.getByRole("region", { name: "Mon inscription" });
    await expect(mine.getByText("En attente de validation")).toBeVisible();

    // Step 1: the manager approves.
    const manager = await pageAs(browser, "manager@relais.test");
    await manager.goto("/sessions/approvals");
    await expect(manager.getByText("Étape 1 : avis du responsable").first()).toBeVisible();
    await expectNoSeriousA11yViolations(manager);
    await manager.getByRole("button", { name: "Enregistrer la décision pour Julien Morel" }).click();
    await expect(manager.locator("#approvals-announcer[role=status]")).toHaveText("Décision enregistrée.");
    await agent.reload();
    await expect(mine.getByText("En attente de validation")).toBeVisible();

    // Step 2: the training officer approves; the agent is confirmed.
    await officer.goto("/sessions/approvals");
    const officerStep = officer
      .getByRole("listitem")
      .filter({ hasText: "Julien Morel" })
      .filter({ has: officer.locator(`a[href="${sessionUrl}"]`) });
    await expect(officerStep.getByText("Étape 2 : décision du service de formation")).toBeVisible();
    await expectNoSeriousA11yViolations(officer);
    await officerStep.getByRole("button", { name: "Enregistrer la décision pour Julien Morel" }).click();
    await expect(officer.locator("#approvals-announcer[role=status]")).toHaveText("Décision enregistrée.");
    await agent.reload();
    await expect(agent.getByText("Inscription confirmée").first()).toBeVisible();
    await expectNoSeriousA11yViolations(agent);

    // A refusal: the manager (who has no manager) asks; the officer refuses, a reason is required.
    await manager.goto(sessionUrl);
    await manager.getByRole("button", { name: "S'inscrire" }).click();
    await expect(
      manager.getByRole("region", { name: "Mon inscription" }).getByText("En attente de validation"),
    ).toBeVisible();
    await officer.goto("/sessions/approvals");
    const request = officer
      .getByRole("listitem")
      .filter({ hasText: "Hélène Garnier" })
      .filter({ has: officer.locator(`a[href="${sessionUrl}"]`) });
    await request.getByLabel("Refuser", { exact: true }).check();
    await request.getByRole("button", { name: "Enregistrer la décision pour Hélène Garnier" }).click();
    const confirm = officer.getByRole("dialog", { name: "Refuser la demande de Hélène Garnier ?" });
    await confirm.getByRole("button", { name: "Oui, refuser" }).click();
    await expect(officer.locator("#approvals-announcer[role=status]")).toHaveText(REFUSAL_NEEDS_COMMENT);
    await request.getByLabel("Commentaire (obligatoire en cas de refus)").fill("Le plan de cette année est complet.");
    await request.getByRole("button", { name: "Enregistrer la décision pour Hélène Garnier" }).click();
    await confirm.getByRole("button", { name: "Oui, refuser" }).click();
    await expect(officer.locator("#approvals-announcer[role=status]")).toHaveText("Décision enregistrée.");
    await manager.goto(sessionUrl);
    await expect(manager.getByRole("region", { name: "Mon inscription" }).getByText("Refusée")).toBeVisible();
    await manager.goto("/notifications");
    await expect(manager.getByText(/Le plan de cette année est complet\./).first()).toBeVisible();
    await expectNoSeriousA11yViolations(manager);
  } finally {
    await removeSessionFixture(fixture.sessionId);
    await withE2eDatabase((prisma) =>
      prisma.institution.update({
        where: { id: institutionId },
        data: { approvalChain: "MANAGER", approvalReminderDays: 3 },
      }),
    );
  }
});

test("the coordinator records a session's costs; the officer reads the plan and the cost indicators; the national administrator sets the mission scales", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const institutionId = await grenobleId();
  const startsAt = new Date(Date.now() - 2 * DAY);
  const fixture = await createSessionFixture({
    courseSlug: "bilan-competences",
    slots: [{ startsAt, endsAt: new Date(startsAt.getTime() + 3 * 3600_000) }],
    registrations: [{ email: "agent@relais.test" }],
    presentEmails: ["agent@relais.test"],
  });
  try {
    const coordinator = await pageAs(browser, "coordinator@relais.test");
    await coordinator.goto(`/sessions/${fixture.sessionId}`);
    const costs = coordinator.getByRole("region", { name: "Coûts de la session" });
    await expect(costs.getByText("Aucun coût saisi pour cette session.")).toBeVisible();
    await expectNoSeriousA11yViolations(coordinator);
    await costs.getByLabel("Salle (€)").fill("-20");
    await costs.getByRole("button", { name: "Enregistrer les coûts" }).click();
    await expect(coordinator.locator("#session-costs-status")).toHaveText(
      "Indiquez le coût de la salle en euros (0 ou plus, deux décimales au plus).",
    );
    await costs.getByLabel("Formateurs (€)").fill("450,50");
    await costs.getByLabel("Salle (€)").fill("120");
    await costs.getByLabel("Restauration (€)").fill("29,50");
    await costs.getByRole("button", { name: "Enregistrer les coûts" }).click();
    await expect(coordinator.locator("#session-costs-status")).toHaveText("Coûts enregistrés.");
    await coordinator.reload();
    await expect(costs.getByTestId("session-cost-total")).toHaveText("Coût total saisi : 600,00 €");
    // The agent who attended sees no costs.
    const agent = await pageAs(browser, "agent@relais.test");
    await agent.goto(`/sessions/${fixture.sessionId}`);
    await expect(agent.getByRole("heading", { level: 1, name: COURSE })).toBeVisible();
    await expect(agent.getByRole("region", { name: "Coûts de la session" })).toHaveCount(0);

    // The officer reads the training plan and the cost indicators (600 € over 3 trainee-hours at least).
    const officer = await pageAs(browser, "officer@relais.test");
    await officer.goto(`/institutions/${institutionId}/plan`);
    await expect(officer.getByRole("heading", { level: 1 })).toContainText("Plan de formation");
    await expectNoSeriousA11yViolations(officer);
    // The officer imports plan actions from a spreadsheet: a bad line is named in French and
    // nothing is written; the corrected file adds the action to its theme's group.
    const title = `Certification externe ${Date.now()}`;
    const planImport = officer.getByRole("region", { name: "Importer des actions du plan (CSV)" });
    const header = "theme;type;nature;intitule;formation;agents_prevus;budget_pedagogique;locaux;frais_mission";
    const upload = async (line: string, button: "Prévisualiser" | "Importer") => {
      await planImport.getByLabel("Fichier CSV").setInputFiles({
        name: "plan.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(`${header}\n${line}\n`),
      });
      await planImport.getByRole("button", { name: button }).click();
    };
    await upload(`data-protection;T2;EXTERNE;${title};;4;abc;;`, "Importer");
    await expect(planImport.getByRole("status")).toHaveText("1 erreur : rien ne sera importé");
    await expect(
      planImport.getByRole("cell", {
        name: "La colonne budget_pedagogique doit être un montant en euros de 0 à 10\u202f000\u202f000, avec au plus deux décimales.",
      }),
    ).toBeVisible();
    await upload(`data-protection;T2;EXTERNE;${title};;4;"1 500";;`, "Prévisualiser");
    await expect(planImport.getByRole("status")).toHaveText("Prévisualisation : 1 ligne valide");
    await expectNoSeriousA11yViolations(officer);
    await planImport.getByRole("button", { name: "Importer" }).click();
    await expect(planImport.getByRole("status")).toHaveText("1 action ajoutée au plan.");
    await officer.reload();
    await expect(officer.getByRole("rowheader", { name: title })).toBeVisible();
    await withE2eDatabase((prisma) => prisma.trainingPlanAction.deleteMany({ where: { title } }));
    await officer.goto(`/needs/indicators?year=${startsAt.getFullYear()}`);
    await expect(officer.getByRole("heading", { level: 2, name: "Coûts de la formation" })).toBeVisible();
    await expect(officer.locator('[data-cost-indicator="costPerTraineeHour"]')).not.toHaveText("Non calculé");
    await expect(officer.getByText(/^Coût par heure-stagiaire \(€\) : somme des coûts saisis/)).toBeVisible();
    await expectNoSeriousA11yViolations(officer);

    // The national administrator sets the scales used by the pooling view; a bad rate is refused.
    const admin = await pageAs(browser, "admin@relais.test");
    await admin.goto("/needs/pooling");
    await admin.getByRole("link", { name: "Barèmes des frais de mission" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Barèmes des frais de mission" })).toBeVisible();
    await expectNoSeriousA11yViolations(admin);
    await admin.getByLabel("Indemnité kilométrique (€ par km)").fill("12");
    await admin.getByRole("button", { name: "Enregistrer les barèmes" }).click();
    await expect(admin.locator("#mission-scales-status")).toHaveText(
      "Indiquez une indemnité kilométrique entre 0 et 10\u00a0€ par km (deux décimales au plus).",
    );
    await admin.getByLabel("Indemnité kilométrique (€ par km)").fill("0,25");
    await admin.getByRole("button", { name: "Enregistrer les barèmes" }).click();
    await expect(admin.locator("#mission-scales-status")).toHaveText("Barèmes enregistrés.");
    await admin.goto("/needs/commissions");
    await expect(admin.getByRole("heading", { level: 1, name: "Modules nationaux commandés" })).toBeVisible();
    await expectNoSeriousA11yViolations(admin);
    // The officer may not open the scales.
    await officer.goto("/needs/scales");
    await expect(officer.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
  } finally {
    await removeSessionFixture(fixture.sessionId);
  }
});
