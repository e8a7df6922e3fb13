// GDPR rights end to end: an agent downloads their own data as one ZIP from their record page (and
// nobody else's); a training officer erases a departed agent of their institution with a reason.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { test, expect } from "@playwright/test";
import JSZip from "jszip";
import { signInAs } from "../support/auth";
import { openE2eDatabase } from "../support/database";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { followNavigation } from "../support/navigation";

test("an agent downloads all their data as one archive; another person gets only their own", async ({
  page,
  browser,
  baseURL,
}) => {
  await signInAs(page, "agent@relais.test");
  await page.goto("/my-record");
  await expect(page.getByRole("heading", { level: 2, name: "Mes données personnelles" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.setViewportSize({ width: 375, height: 900 });
  await page.screenshot({ path: "test-results/privacy-my-record-375.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Télécharger toutes mes données (archive ZIP)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^relais-mes-donnees-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = await JSZip.loadAsync(await readFile((await download.path())!));
  const profile = JSON.parse(await zip.file("profile.json")!.async("string")) as { email: string };
  expect(profile.email).toBe("agent@relais.test");
  expect(await zip.file("README.md")!.async("string")).toContain("Vos données personnelles dans Relais");
  const statements = JSON.parse(await zip.file("statements.json")!.async("string")) as unknown[];
  expect(Array.isArray(statements)).toBe(true);
  const enrolments = JSON.parse(await zip.file("enrolments.json")!.async("string")) as unknown[];
  expect(enrolments.length).toBeGreaterThan(0);

  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await signInAs(otherPage, "manager@relais.test");
  const response = await otherPage.request.get("/my-record/export");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/zip");
  const theirs = await JSZip.loadAsync(await response.body());
  const whole = (await Promise.all(Object.values(theirs.files).map((file) => file.async("string")))).join("\n");
  expect(whole).toContain("manager@relais.test");
  expect(whole).not.toContain('"email": "agent@relais.test"');
  await other.close();

  const anonymous = await browser.newContext({ baseURL });
  expect((await anonymous.request.get("/my-record/export")).status()).toBe(401);
  await anonymous.close();
});

test("a training officer erases a departed agent of their institution, with a reason", async ({ page }) => {
  const prisma = await openE2eDatabase();
  const email = `leaving-${randomUUID().slice(0, 8)}@relais.test`;
  try {
    const uga = await prisma.institution.findUniqueOrThrow({ where: { code: "UGA" } });
    const agent = await prisma.user.create({
      data: {
        email,
        name: "Dominique Partante",
        institutionId: uga.id,
        staffCategory: "B",
        memberships: { create: { role: "AGENT", institutionId: uga.id } },
        notifications: { create: { kind: "test", title: "Bienvenue", body: "" } },
      },
    });
    await signInAs(page, "officer@relais.test");
    await followNavigation(page, "Données personnelles");
    await expect(page.getByRole("heading", { level: 1, name: "Effacer les données d'un agent parti" })).toBeVisible();
    // Non-agents are never offered.
    await page.getByLabel("Adresse électronique ou nom de l'agent").fill("admin@relais.test");
    await page.getByRole("button", { name: "Rechercher", exact: true }).click();
    await expect(page.getByText("Aucun agent de votre établissement ne correspond.")).toBeVisible();

    await page.getByLabel("Adresse électronique ou nom de l'agent").fill(email);
    await page.getByRole("button", { name: "Rechercher", exact: true }).click();
    await expect(page.getByRole("heading", { level: 3, name: "Dominique Partante" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: "test-results/privacy-officer-1280.png", fullPage: true });
    // The confirmation box is required: without it the browser refuses to send.
    await page.getByLabel("Motif de l'effacement (obligatoire)").fill("Départ de l'établissement le 30 juin");
    await page.getByLabel(/Je confirme que Dominique Partante a quitté/).check();
    await page.getByRole("button", { name: "Effacer et pseudonymiser" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: /Il apparaît désormais sous le nom « Agent [0-9A-F]{8} »/ }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    const erased = await prisma.user.findUniqueOrThrow({
      where: { id: agent.id },
      include: { notifications: true, memberships: true },
    });
    expect(erased.erasedAt).not.toBeNull();
    expect(erased.name).toMatch(/^Agent [0-9A-F]{8}$/);
    expect(erased.email).not.toBe(email);
    expect(erased.notifications).toEqual([]);
    expect(erased.memberships).toEqual([]);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "privacy.erase", entityId: agent.id } });
    expect(audit.data).toMatchObject({ reason: "Départ de l'établissement le 30 juin" });
  } finally {
    await prisma.$disconnect();
  }
});

test("in English: the officer's erasure page and a malformed address", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "relais-locale", value: "en", url: baseURL! }]);
  await signInAs(page, "officer@relais.test");
  await page.goto("/officer/privacy?q=agent");
  await expect(page.getByRole("heading", { level: 1, name: "Erase the data of a departed agent" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Erase and pseudonymise" }).first()).toBeVisible();
  await page.setViewportSize({ width: 375, height: 900 });
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "test-results/privacy-officer-en-375.png", fullPage: true });
  const bad = await page.goto("/verify/%E0%A4%A");
  expect(bad?.status()).toBe(400);
  await expect(page.getByRole("heading", { level: 1, name: "Malformed address" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
