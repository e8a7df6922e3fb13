import { test, expect, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expectNoHorizontalOverflow } from "../support/layout";
import { signInAs, signOutAndIn } from "../support/auth";
import { actionStateReply, serverActionId } from "../support/server-actions";
import { withE2eDatabase } from "../support/database";
import { followNavigation } from "../support/navigation";

const GRENOBLE_TRAINER = "trainer@relais.test";
const LYON_TRAINER = "trainer@ulyon.relais.test";
const COURSE = "Produire des documents accessibles";
const RESERVED = "Préparer un concours ITRF ou ITA";

function libraryCard(page: Page, title: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: title, exact: true }) });
}

test("national library: a Grenoble trainer shares a course, a Lyon trainer adopts and adapts it, then takes the original's new version", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const courseId = await withE2eDatabase(
    async (prisma) =>
      (await prisma.course.findUniqueOrThrow({ where: { slug: "documents-accessibles" }, select: { id: true } })).id,
  );
  const reservedId = await withE2eDatabase(
    async (prisma) =>
      (await prisma.course.findUniqueOrThrow({ where: { slug: "prepa-concours-ita" }, select: { id: true } })).id,
  );

  // Grenoble's trainer shares the course under CC BY-SA, crediting its authors.
  await signInAs(page, GRENOBLE_TRAINER);
  await page.goto(`/trainer/courses/${courseId}`);
  const share = page.getByRole("region", { name: "Bibliothèque nationale" });
  await share.getByLabel("Licence").selectOption({ label: "CC BY-SA 4.0" });
  await share.getByLabel("Auteurs crédités").fill("Sophie Lambert, Lucas Robin");
  await share.getByRole("button", { name: "Publier dans la bibliothèque" }).click();
  await expect(share.getByText("Publié dans la bibliothèque nationale sous CC BY-SA 4.0.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Lyon's trainer finds it in the library (navigation entry), credited.
  await signOutAndIn(page, LYON_TRAINER);
  await followNavigation(page, "Bibliothèque nationale");
  await expect(page.getByRole("heading", { level: 1, name: "Bibliothèque nationale" })).toBeVisible();
  const card = libraryCard(page, COURSE);
  await expect(card.getByText("Université Grenoble Alpes · auteurs : Sophie Lambert, Lucas Robin")).toBeVisible();
  await expect(card.getByRole("link", { name: "texte de la licence CC BY-SA 4.0" })).toBeVisible();
  await expect(card.getByText("Pas encore réutilisé par un autre établissement.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await expectNoHorizontalOverflow(page);

  // "All rights reserved": adoptable, not adaptable — no button, and a forged call is refused with the reason.
  const reserved = libraryCard(page, RESERVED);
  await expect(reserved.getByText("Tous droits réservés : ce cours peut être adopté, mais pas adapté.")).toBeVisible();
  await expect(reserved.getByRole("button", { name: `Adapter « ${RESERVED} »` })).toHaveCount(0);
  await expect(reserved.getByRole("button", { name: `Adopter « ${RESERVED} »` })).toBeVisible();
  const origin = new URL(page.url()).origin;
  const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
  const forged = await fetch(`${origin}/library`, {
    method: "POST",
    headers: { "next-action": serverActionId("adaptLibraryCourseAction"), accept: "text/x-component", origin, cookie },
    body: actionStateReply({ courseId: reservedId }),
  });
  expect(forged.status).toBe(200);
  expect(await forged.text()).toContain("peut être adopté tel quel, mais pas adapté");
  expect(await withE2eDatabase((prisma) => prisma.course.count({ where: { adaptedFromId: reservedId } }))).toBe(0);

  // Adopt, then adapt: a draft of Lyon's own, with its lineage.
  await card.getByRole("button", { name: `Adopter « ${COURSE} »` }).click();
  // The page is refreshed by the action: the adopt button gives way to the adoption's status.
  await expect(card.getByText("Adopté par votre établissement : il figure dans votre catalogue.")).toBeVisible();
  await expect(card.getByRole("button", { name: `Adopter « ${COURSE} »` })).toHaveCount(0);
  await card.getByRole("button", { name: `Adapter « ${COURSE} »` }).click();
  await card.getByRole("link", { name: "Ouvrir votre adaptation" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: `Modifier ${COURSE}` })).toBeVisible();
  const upstream = page.getByRole("region", { name: "Cours d'origine" });
  await expect(upstream.getByText(`Adapté de « ${COURSE} » (Université Grenoble Alpes), version 1`)).toBeVisible();
  await expect(upstream.getByText("Votre adaptation suit la dernière version de l'original.")).toBeVisible();
  const adaptationUrl = page.url();
  await expectNoSeriousA11yViolations(page);

  // Grenoble publishes a new version of the original.
  await signOutAndIn(page, GRENOBLE_TRAINER);
  await page.goto(`/trainer/courses/${courseId}`);
  await page.getByLabel("Titre (français)").fill(`${COURSE} à tous`);
  await expect(page.getByText(/Brouillon enregistré/)).toBeVisible();
  await page.getByRole("button", { name: "Publier cette version" }).click();
  await expect(page.getByText("Version publiée.", { exact: false })).toBeVisible();

  // Lyon sees what changed and takes it into its draft.
  await signOutAndIn(page, LYON_TRAINER);
  await page.goto(adaptationUrl);
  const changed = page.getByRole("region", { name: "Cours d'origine" });
  await expect(
    changed.getByText("L'original a publié la version 2. Ce qui a changé depuis la version 1 :"),
  ).toBeVisible();
  await expect(changed.getByRole("listitem").filter({ hasText: "Le titre" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await changed.getByRole("button", { name: "Reprendre la version 2 dans mon brouillon" }).click();
  await expect(changed.getByText("Votre adaptation suit la dernière version de l'original.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Titre (français)")).toHaveValue(`${COURSE} à tous`);
  await expect(page.getByText(`Adapté de « ${COURSE} à tous » (Université Grenoble Alpes), version 2`)).toBeVisible();

  // The library now lists Lyon as reusing it; the national indicators show the pooling figures.
  await page.goto("/library");
  await expect(libraryCard(page, `${COURSE} à tous`).getByText("Université de Lyon (adopté et adapté)")).toBeVisible();
  await signOutAndIn(page, "admin@relais.test");
  await page.goto("/admin");
  const pooling = page.getByRole("region", { name: "Mutualisation des contenus" });
  await expect(pooling.getByText("Cours réutilisés par au moins deux établissements", { exact: true })).toBeVisible();
  await expect(pooling.getByTestId("pooling-reused")).toHaveText(/^[1-9]/);
  await expect(pooling.getByText(/Part des heures sur des contenus d'un autre établissement :/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("a trainer withdraws a course from the library after a confirmation; the adopter keeps it, nobody else can adopt it", async ({
  page,
}) => {
  test.setTimeout(180_000);
  // A Grenoble course of its own, listed and adopted by Lyon (the first journey uses another one).
  const { courseId, title } = await withE2eDatabase(async (prisma) => {
    const uga = await prisma.institution.findUniqueOrThrow({ where: { code: "UGA" } });
    const lyon = await prisma.institution.findUniqueOrThrow({ where: { code: "ULYON" } });
    const course = await prisma.course.findFirstOrThrow({
      where: {
        institutionId: uga.id,
        slug: { not: "documents-accessibles" },
        libraryListing: { is: null },
        versions: { some: { status: "PUBLISHED" } },
      },
      select: { id: true, versions: { where: { status: "PUBLISHED" }, select: { title: true } } },
    });
    await prisma.libraryListing.create({ data: { courseId: course.id, licence: "CC_BY", authors: "Équipe UGA" } });
    await prisma.courseAdoption.create({ data: { courseId: course.id, institutionId: lyon.id } });
    return { courseId: course.id, title: course.versions[0]!.title };
  });

  await signInAs(page, GRENOBLE_TRAINER);
  await page.goto(`/trainer/courses/${courseId}`);
  const share = page.getByRole("region", { name: "Bibliothèque nationale" });
  await expect(share.getByText("Publié dans la bibliothèque nationale sous CC BY 4.0.")).toBeVisible();
  // Cancelling the confirmation withdraws nothing.
  await share.getByRole("button", { name: "Retirer de la bibliothèque" }).click();
  const confirm = page.getByRole("dialog", { name: "Retirer ce cours de la bibliothèque nationale ?" });
  await expect(confirm).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await confirm.getByRole("button", { name: "Annuler" }).click();
  await expect(confirm).toBeHidden();
  expect(
    await withE2eDatabase((prisma) => prisma.libraryListing.findUniqueOrThrow({ where: { courseId } })),
  ).toMatchObject({ withdrawnAt: null });
  await share.getByRole("button", { name: "Retirer de la bibliothèque" }).click();
  await confirm.getByRole("button", { name: "Retirer", exact: true }).click();
  // The refreshed page says it in place of the withdrawal form (announced: a status).
  await expect(
    share.getByRole("status").filter({ hasText: /^Retiré de la bibliothèque nationale le \d/ }),
  ).toBeVisible();
  await page.reload();
  await expect(share.getByText(/^Retiré de la bibliothèque nationale le \d/)).toBeVisible();
  await expect(share.getByRole("button", { name: "Publier à nouveau dans la bibliothèque" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Lyon no longer finds it in the library, but keeps its adoption; adopting it again is refused.
  await signOutAndIn(page, LYON_TRAINER);
  await page.goto("/library");
  await expect(page.getByRole("heading", { level: 2, name: title, exact: true })).toHaveCount(0);
  const origin = new URL(page.url()).origin;
  const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
  const forged = await fetch(`${origin}/library`, {
    method: "POST",
    headers: { "next-action": serverActionId("adoptLibraryCourseAction"), accept: "text/x-component", origin, cookie },
    body: actionStateReply({ courseId }),
  });
  expect(await forged.text()).toContain("pas (ou plus) dans la bibliothèque nationale");
  expect(await withE2eDatabase((prisma) => prisma.courseAdoption.count({ where: { courseId } }))).toBe(1);
});
