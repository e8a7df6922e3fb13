import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { test, expect, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { createPrismaClient } from "../../lib/db/create-client";
import { resolveDatabase } from "../../lib/db/local-database";
import { externalTestDatabaseUrl } from "../../testing/test-database-url";
import { E2E } from "../../scripts/e2e-settings";
import { signInAs } from "../support/auth";
import { expectNoSeriousA11yViolations } from "../support/axe";

async function accessRate(page: Page): Promise<string> {
  return (await page.locator('[data-indicator="accessRate"]').textContent()) ?? "";
}

/** Small headcounts for every cell of this year: the access rate must go up. */
function headcountsCsv(year: number): string {
  const lines = ["annee;categorie;population;sexe;effectif"];
  for (const category of ["A", "B", "C"])
    for (const population of ["TEACHING_RESEARCH", "ADMIN_TECHNICAL", "CONTRACT"])
      for (const sex of ["FEMALE", "MALE"]) lines.push(`${year};${category};${population};${sex};2`);
  return `${lines.join("\n")}\n`;
}

test("a training officer imports headcounts, sees the access rate change and exports XLSX and PDF", async ({
  page,
}) => {
  // The first test after the server starts: load the indicator modules once before signing in
  // (on a loaded machine the cold first render can outlast the sign-in helper's wait).
  await page.request.get("/open-data");
  await signInAs(page, "officer@relais.test");
  await expect(page.getByRole("heading", { level: 2, name: "Indicateurs de l'établissement" })).toBeVisible();
  const before = await accessRate(page);
  expect(before).toMatch(/%/);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "Importer des données" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Importer des données" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const headcounts = page.getByRole("region", { name: /^Effectifs/ });

  // A bad file first: line-level errors and nothing imported.
  await headcounts.getByLabel("Fichier CSV").setInputFiles({
    name: "bad.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("annee;categorie;population;sexe;effectif\n2026;Z;CONTRACT;MALE;3\n"),
  });
  await headcounts.getByRole("button", { name: "Importer", exact: true }).click();
  await expect(headcounts.getByRole("status")).toContainText("1 erreur : rien ne sera importé");
  await expect(headcounts.getByRole("table")).toContainText("La colonne categorie doit valoir A, B ou C.");

  const year = new Date().getUTCFullYear();
  await headcounts
    .getByLabel("Fichier CSV")
    .setInputFiles({ name: "effectifs.csv", mimeType: "text/csv", buffer: Buffer.from(headcountsCsv(year)) });
  await expect(headcounts.getByRole("heading", { name: /^Choisir le fichier\s*Étape 1 sur 3$/ })).toBeVisible();
  await headcounts.getByRole("button", { name: "Prévisualiser" }).click();
  await expect(headcounts.getByRole("status")).toContainText("Prévisualisation : 18 lignes valides");
  await expect(
    headcounts.getByRole("heading", { name: /^Vérifier la prévisualisation\s*Étape 2 sur 3$/ }),
  ).toBeVisible();
  await expect(headcounts.getByText("Étape suivante : Import terminé")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await headcounts.getByRole("button", { name: "Importer", exact: true }).click();
  await expect(headcounts.getByRole("status")).toContainText("Import terminé : 0 ligne créée, 18 mises à jour.");

  await page.getByRole("link", { name: "Indicateurs de l'établissement" }).click();
  await expect(page.locator('[data-indicator="accessRate"]')).toBeVisible();
  const after = await accessRate(page);
  expect(after).not.toBe(before);

  await page.getByRole("link", { name: "Voir les lignes détaillées (agents, formations)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rapport de suivi" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  for (const [label, signature] of [
    ["Exporter Excel (XLSX)", "PK"],
    ["Exporter PDF", "%PDF"],
  ] as const) {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: label }).click(),
    ]);
    const body = await readFile((await download.path())!);
    expect(body.subarray(0, signature.length).toString("latin1")).toBe(signature);
  }

  // The export is bound to the officer's institution: another one is refused by the API.
  const institutions = (await (await page.request.get("/api/referentials/institutions")).json()) as {
    institutions: { id: string; code: string }[];
  };
  const lyon = institutions.institutions.find((institution) => institution.code === "ULYON")!;
  const forged = await page.request.get(
    `/api/reports/progress?from=${year}-01-01&to=${year}-12-31&format=csv&institutionId=${lyon.id}`,
  );
  expect(forged.status()).toBe(403);
});

test("a national administrator compares regions and downloads the open data", async ({ page }) => {
  await signInAs(page, "admin@relais.test");
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Indicateurs nationaux" })).toBeVisible();
  await page.getByLabel("Ventilation").selectOption("region");
  await page.getByLabel("Indicateur du graphique").selectOption("accessRate");
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page).toHaveURL(/breakdown=region/);
  await expect(page.getByRole("figure", { name: "Taux d'accès par région" })).toBeVisible();
  const table = page.getByRole("table", { name: "Taux d'accès par région (tableau)" });
  await expect(table.getByRole("row")).not.toHaveCount(1);
  await expectNoSeriousA11yViolations(page);

  // A row of the breakdown leads to the rows behind it, and only those; the page says which.
  const rowCount = async () => Number((await page.getByText(/^\d+ lignes?$/).textContent())!.match(/\d+/)![0]);
  const regionLink = table.getByRole("rowheader").getByRole("link").first();
  const region = (await regionLink.textContent())!;
  await regionLink.click();
  await expect(page.getByRole("heading", { level: 1, name: "Rapport de suivi" })).toBeVisible();
  await expect(page.getByText(`Seulement : région « ${region} »`)).toBeVisible();
  await expect(page).toHaveURL(/group=/);
  const inRegion = await rowCount();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Voir toutes les lignes de la période" }).click();
  await expect(page.getByText(/^Seulement :/)).toHaveCount(0);
  expect(await rowCount()).toBeGreaterThanOrEqual(inRegion);
  // A forged group gets the filters' message in French, never a field name.
  await page.goto("/admin/report?breakdown=sex&group=PLANET");
  await expect(page.getByText("Ce groupe n'existe pas pour cette ventilation.")).toBeVisible();
  await page.goto("/admin?breakdown=region&indicator=accessRate");

  // The explicit publication step: a preview of exactly what will be published, a confirmation,
  // then the public page and downloads serve the published snapshot.
  const year = new Date().getUTCFullYear();
  const publish = page.getByRole("region", { name: "Publier les données ouvertes" });
  await publish.getByRole("button", { name: "Prévisualiser" }).click();
  const preview = page.getByRole("region", { name: `Aperçu des données ${year} avant publication` });
  await expect(preview.getByRole("table", { name: `Stagiaires par région — ${year}` })).toBeVisible({
    timeout: 60_000,
  });
  await expect(preview.getByRole("table")).toHaveCount(4);
  await expectNoSeriousA11yViolations(page);
  // Cancelling the confirmation publishes nothing.
  await preview.getByRole("button", { name: `Publier les données ${year}` }).click();
  const confirm = page.getByRole("dialog", { name: new RegExp(`Publier les données ${year}`) });
  await expect(confirm).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await confirm.getByRole("button", { name: "Annuler" }).click();
  await expect(confirm).toBeHidden();
  await expect(preview.getByRole("status")).toHaveText("");
  await preview.getByRole("button", { name: `Publier les données ${year}` }).click();
  await confirm.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(preview.getByRole("status")).toContainText(`Données ${year} publiées.`, { timeout: 60_000 });
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Données ouvertes publiées" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Données ouvertes de la formation continue" }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Méthode et secret statistique" })).toBeVisible();
  await expect(page.getByText(new RegExp(`Données ${new Date().getUTCFullYear()} .*publiées le`))).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Télécharger CSV" }).click(),
  ]);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.split("\n")[0]).toBe("annee,ventilation,code,libelle,stagiaires,heures,secret");
  expect(csv).not.toContain("@");
  const json = await (
    await page.request.get(`/api/open-data?year=${new Date().getUTCFullYear()}&breakdown=sex&format=json`)
  ).json();
  expect(json).toMatchObject({ breakdown: "sex", method: { threshold: 5, dominance: 0.85 } });
});

test("an agent reads their training record and surveys; the open data page needs no sign-in", async ({ page }) => {
  await page.goto("/open-data");
  await expect(
    page.getByRole("heading", { level: 1, name: "Données ouvertes de la formation continue" }),
  ).toBeVisible();
  // The demo seed published last year's open data: a visitor reads it without anyone publishing.
  await page.goto(`/open-data?year=${new Date().getUTCFullYear() - 1}&breakdown=region`);
  await expect(page.getByRole("table")).toBeVisible();
  await expect(page.getByRole("row", { name: /^Total/ })).toBeVisible();
  // …and the API serves the same snapshot: figures where secrecy allows, suppressed cells without any.
  const published = await page.request.get(
    `/api/open-data?year=${new Date().getUTCFullYear() - 1}&breakdown=staffCategory&format=json`,
  );
  expect(published.status()).toBe(200);
  const snapshot = (await published.json()) as {
    method: { threshold: number };
    cells: { trainees: number | null; suppressed: string | null }[];
  };
  expect(snapshot.cells.some((cell) => !cell.suppressed && (cell.trainees ?? 0) >= snapshot.method.threshold)).toBe(
    true,
  );
  for (const cell of snapshot.cells.filter((each) => each.suppressed)) expect(cell.trainees).toBeNull();
  await signInAs(page, "agent@relais.test");
  await page.goto("/my-record");
  await expect(page.getByRole("heading", { level: 1, name: "Mon parcours de formation" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Télécharger mon parcours (PDF)" }).click(),
  ]);
  expect((await readFile((await download.path())!)).subarray(0, 4).toString("latin1")).toBe("%PDF");
  await page.goto("/surveys");
  await expect(page.getByRole("heading", { level: 1, name: "Mes questionnaires" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Indicateurs nationaux");
});

/** Headcounts of years no other journey reads (not the demo's), enough lines for a background job. */
function largeHeadcountsCsv(): { csv: string; lines: number } {
  const lines = ["annee;categorie;population;sexe;effectif"];
  const years = [
    ...Array.from({ length: 22 }, (_, index) => 2000 + index),
    ...Array.from({ length: 71 }, (_, index) => 2030 + index),
  ];
  for (const year of years)
    for (const category of ["A", "B", "C"])
      for (const population of ["TEACHING_RESEARCH", "ADMIN_TECHNICAL", "CONTRACT"])
        for (const sex of ["FEMALE", "MALE", "NOT_RECORDED"]) lines.push(`${year};${category};${population};${sex};3`);
  return { csv: `${lines.join("\n")}\n`, lines: lines.length - 1 };
}

test("a large import runs as a job: its page shows the progress to its owner only", async ({ page, browser }) => {
  const { csv, lines } = largeHeadcountsCsv();
  expect(lines).toBeGreaterThan(2_000);
  await signInAs(page, "officer@relais.test");
  await page.goto("/officer/imports");
  const headcounts = page.getByRole("region", { name: /^Effectifs/ });
  await headcounts
    .getByLabel("Fichier CSV")
    .setInputFiles({ name: "effectifs-historiques.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await headcounts.getByRole("button", { name: "Importer", exact: true }).click();
  await expect(headcounts.getByRole("status")).toContainText("l'import se poursuit en arrière-plan", {
    timeout: 60_000,
  });
  await headcounts.getByRole("link", { name: "Suivre l'import" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import en cours" })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Avancement" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Terminé.", { timeout: 120_000 });
  await expect(page.getByRole("progressbar", { name: "Avancement" })).toHaveAttribute("value", "100");
  await expectNoSeriousA11yViolations(page);
  const jobUrl = page.url();

  // Anyone else — here the national administrator — finds neither the page nor its status.
  const context = await browser.newContext({ baseURL: new URL(jobUrl).origin });
  const other = await context.newPage();
  await signInAs(other, "admin@relais.test");
  expect((await other.goto(jobUrl))?.status()).toBe(404);
  expect((await other.request.get(`/api/reports/jobs/${jobUrl.split("/").at(-1)}`)).status()).toBe(404);
  await context.close();
});

/**
 * An institution of its own with 2,001 agents who completed a demo course in March 2010: more rows
 * than an export answers at once, in a year no other journey reads; removed afterwards.
 */
async function withLargeInstitution(run: (institutionId: string) => Promise<void>) {
  const handle = await resolveDatabase({
    cluster: E2E.cluster,
    database: "relais_e2e",
    preferredPort: E2E.pgPort,
    externalUrl: externalTestDatabaseUrl("e2e"),
  });
  const prisma = createPrismaClient(handle.databaseUrl, { poolSize: 1 });
  const code = `E2E-EXPORT-${randomUUID().slice(0, 8)}`;
  try {
    const course = await prisma.course.findFirstOrThrow({
      where: { modality: "ONLINE" },
      select: { id: true, institution: { select: { regionId: true } }, versions: { select: { id: true }, take: 1 } },
    });
    const institution = await prisma.institution.create({
      data: { code, name: "Établissement d'export (e2e)", regionId: course.institution.regionId },
    });
    const users = Array.from({ length: 2_001 }, (_, index) => ({
      id: randomUUID(),
      email: `${code.toLowerCase()}-${index}@test.relais`,
      name: `Agent ${String(index).padStart(4, "0")}`,
      institutionId: institution.id,
    }));
    await prisma.user.createMany({ data: users });
    const at = (day: number) => new Date(Date.UTC(2010, 2, day, 10));
    await prisma.enrolment.createMany({
      data: users.map((user) => ({
        userId: user.id,
        courseId: course.id,
        courseVersionId: course.versions[0]!.id,
        registration: randomUUID(),
        status: "COMPLETED" as const,
        enrolledAt: at(2),
        completedAt: at(5),
        scaledScore: 0.75,
      })),
    });
    await run(institution.id);
  } finally {
    await prisma.user.deleteMany({ where: { institution: { code } } }); // their enrolments go with them
    await prisma.institution.deleteMany({ where: { code } });
    await prisma.$disconnect();
  }
}

test("a large export runs as a job: its page shows the progress, then a download streamed to its owner only", async ({
  page,
  browser,
}) => {
  await withLargeInstitution(async (institutionId) => {
    await signInAs(page, "admin@relais.test");
    // The request only counts: above 2,000 rows it answers with the job's page.
    await page.goto(`/api/reports/progress?from=2010-03-01&to=2010-03-31&format=xlsx&institutionId=${institutionId}`);
    await expect(page).toHaveURL(/\/officer\/jobs\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: "Export en cours" })).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "Avancement" })).toBeVisible();
    await expect(page.getByRole("status")).toHaveText("Terminé.", { timeout: 120_000 });
    await expectNoSeriousA11yViolations(page);

    const link = page.getByRole("link", { name: "Télécharger le fichier" });
    const href = (await link.getAttribute("href"))!;
    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()).toMatchObject({
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
    expect(response.headers()["content-disposition"]).toMatch(
      /^attachment; filename="rapport-formation-2010-03-01-2010-03-31\.xlsx"/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(3 + 2_001); // title, filters, headers, then every row
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect((await readFile((await download.path())!)).subarray(0, 2).toString("latin1")).toBe("PK");

    // The file is its owner's only: a training officer gets 404, as for a job that does not exist.
    const context = await browser.newContext({ baseURL: new URL(page.url()).origin });
    const other = await context.newPage();
    await signInAs(other, "officer@relais.test");
    expect((await other.request.get(href)).status()).toBe(404);
    await context.close();
  });
});
