import { test, expect, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { signInAs, signOutAndIn } from "../support/auth";
import { expectNoHorizontalOverflow } from "../support/layout";
import { readMailbox } from "../support/mailbox";
import { followNavigation } from "../support/navigation";

const NETWORK = "RH et formation Auvergne-Rhône-Alpes";
const LYON = "agent@ulyon.relais.test";
const GRENOBLE = "agent@relais.test";
const MODERATOR = "officer@relais.test";

async function writePost(page: Page, text: string) {
  const editor = page.getByRole("textbox", { name: "Message" });
  await editor.click();
  await page.keyboard.type(text);
}

test("networks journey: two agents of different institutions join a regional network and discuss, a solution, a report hidden by the moderator, the digest e-mail", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const title = `Accueil des nouveaux agents ${Date.now().toString(36)}`;

  // The Lyon agent finds the regional network in the directory (navigation entry) and joins it.
  await signInAs(page, LYON);
  await followNavigation(page, "Réseaux");
  await expect(page.getByRole("heading", { level: 1, name: "Réseaux professionnels" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await expectNoHorizontalOverflow(page);
  await page.getByRole("link", { name: NETWORK }).click();
  await expect(page.getByRole("heading", { level: 1, name: NETWORK })).toBeVisible();
  await expect(page.getByRole("link", { name: "Mutualiser les formations habilitation électrique" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Rejoindre le réseau" }).click();
  await expect(page.locator("#network-announcer")).toHaveText("Vous êtes membre.");
  await expectNoHorizontalOverflow(page);
  // A daily digest.
  await page.getByLabel("Quotidien").check();
  await page.getByRole("button", { name: "Enregistrer ma préférence" }).click();
  await expect(page.locator("#digest-form-status")).toHaveText("Préférence enregistrée.");
  const networkUrl = page.url();
  // The meeting's .ics is served to a member.
  const ics = await page.request.get(
    (await page
      .getByRole("link", { name: /Ajouter à mon agenda/ })
      .first()
      .getAttribute("href"))!,
  );
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  expect(await ics.text()).toContain("Rencontre trimestrielle du réseau");

  // The Grenoble agent joins and opens a thread in rich text.
  await signOutAndIn(page, GRENOBLE);
  await page.goto(networkUrl);
  await page.getByRole("button", { name: "Rejoindre le réseau" }).click();
  await expect(page.locator("#network-announcer")).toHaveText("Vous êtes membre.");
  await page.getByLabel("Titre", { exact: true }).fill(title);
  await writePost(page, "Comment organisez-vous la journée d'accueil des nouveaux agents ?");
  await page.getByRole("button", { name: "Publier" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible({ timeout: 30_000 });
  const threadUrl = page.url().split("?")[0]!;
  await expectNoSeriousA11yViolations(page);

  // The members list shows each one's chosen fields; the Grenoble agent's handle is there.
  await page.goto(`${networkUrl}/members`);
  await expect(page.getByRole("heading", { level: 1, name: `Membres de ${NETWORK}` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const julien = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Julien Morel/ }) });
  const handle = (await julien.getByText(/^Identifiant : @/).textContent())!.replace("Identifiant : @", "").trim();
  await expect(julien.getByText("Établissement : Université Grenoble Alpes")).toBeVisible();
  await expect(julien.getByText(/E-mail :/)).toHaveCount(0);

  // The Lyon agent replies twice, mentioning the author in the first reply.
  await signOutAndIn(page, LYON);
  await page.goto(threadUrl);
  await writePost(page, `Chez nous, un parcours d'une demi-journée avec le service RH, @${handle}.`);
  await page.getByRole("button", { name: "Répondre", exact: true }).click();
  await expect(page.getByRole("heading", { name: /Message 2 — Camille Fabre/ })).toBeVisible({ timeout: 30_000 });
  await writePost(page, "Promotion exceptionnelle sur les montres, cliquez ici !");
  await page.getByRole("button", { name: "Répondre", exact: true }).click();
  await expect(page.getByRole("heading", { name: /Message 3 — Camille Fabre/ })).toBeVisible({ timeout: 30_000 });
  // She edits her first reply: the post says it was changed, and she sees the earlier version.
  const second = page.getByRole("article", { name: /Message 2/ });
  await second.getByText("Modifier le message 2").click();
  const editor = second.getByRole("textbox", { name: "Message" });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(" Avec un livret d'accueil.");
  await second.getByRole("button", { name: "Enregistrer la modification" }).click();
  await expect(second.getByText(/^modifié le /)).toBeVisible({ timeout: 30_000 });
  await expect(second.locator(".prose").first()).toContainText("Avec un livret d'accueil.");
  await expect(second.getByText("Version précédente (1)")).toBeVisible();
  await expect(page.getByRole("article", { name: /Message 3/ }).getByText(/^modifié le /)).toHaveCount(0);

  // The author marks reply 2 as the solution and reports reply 3. The header counts the two
  // replies he has not read in the thread he follows (its accessible name says so).
  await signOutAndIn(page, GRENOBLE);
  await expect(page.getByRole("link", { name: "Réseaux 2 messages non lus" })).toBeVisible();
  await page.goto(threadUrl);
  await page.getByRole("button", { name: "Marquer le message 2 comme solution" }).click();
  await expect(page.locator("#thread-announcer")).toHaveText("Solution enregistrée.");
  await expect(page.getByRole("link", { name: "Voir la solution (message 2)" })).toBeVisible();
  const spam = page.getByRole("article", { name: /Message 3/ });
  await spam.getByText("Signaler le message 3").click();
  await spam.getByLabel("Motif").selectOption({ label: "Spam ou publicité" });
  await spam.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(page.locator("#thread-announcer")).toHaveText("Signalement envoyé aux modérateurs.");
  await expectNoSeriousA11yViolations(page);
  await expectNoHorizontalOverflow(page);
  // Search (French, accents ignored) finds the thread.
  await page.goto(`/networks/search?q=${encodeURIComponent("journee accueil")}`);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The network's moderator hides the reported post from the moderation queue.
  await signOutAndIn(page, MODERATOR);
  await page.goto(`${networkUrl}/moderation`);
  await expect(page.getByRole("heading", { level: 1, name: `Modération de ${NETWORK}` })).toBeVisible();
  await expect(page.getByText("Promotion exceptionnelle sur les montres")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Masquer le message signalé" }).click();
  await expect(page.locator("#moderation-announcer")).toHaveText("Message masqué.");
  await expect(page.getByText("Aucun signalement en attente.")).toBeVisible();

  // Everyone else now sees the post as hidden.
  await signOutAndIn(page, LYON);
  await page.goto(threadUrl);
  await expect(
    page.getByRole("article", { name: /Message 3/ }).getByText("Ce message a été masqué par la modération."),
  ).toBeVisible();
  await expect(page.getByText("Promotion exceptionnelle")).toHaveCount(0);

  // E-mails went through the outbox and the server's own mail worker: the mention, then the
  // Lyon agent's daily digest listing the new thread (the digest job runs every minute here).
  await expect
    .poll(
      () =>
        readMailbox().filter((mail) => mail.to === GRENOBLE && mail.subject === "Camille Fabre vous a mentionné·e")
          .length,
      {
        timeout: 90_000,
      },
    )
    .toBe(1);
  await expect
    .poll(
      () => readMailbox().filter((mail) => mail.to === LYON && mail.subject === `Résumé du jour : ${NETWORK}`).length,
      { timeout: 150_000 },
    )
    .toBe(1);
  const digest = readMailbox().find((mail) => mail.to === LYON && mail.subject === `Résumé du jour : ${NETWORK}`)!;
  expect(digest.raw.replace(/=\r?\n/g, "")).toContain(title.slice(0, 20));
});
