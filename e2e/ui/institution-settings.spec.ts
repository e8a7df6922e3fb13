import { test, expect } from "@playwright/test";
import { signInAs, signOutAndIn } from "../support/auth";
import { expectNoSeriousA11yViolations } from "../support/axe";

test("a training officer saves their institution's settings; a forged action on another institution is refused", async ({
  page,
}) => {
  await signInAs(page, "officer@relais.test");
  await expect(page.getByRole("heading", { level: 1, name: "Établissement Université Grenoble Alpes" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The page also holds the approval settings: this is the time-zone form.
  const settings = page.locator("form").filter({ has: page.getByLabel("Fuseau horaire") });
  await settings.getByLabel("Fuseau horaire").fill("Europe/Paris");
  await settings.getByRole("button", { name: "Enregistrer" }).click();
  await expect(settings.getByRole("status")).toHaveText("Paramètres enregistrés.");

  await settings.getByLabel("Fuseau horaire").fill("Mars/Olympus");
  await settings.getByRole("button", { name: "Enregistrer" }).click();
  await expect(settings.getByRole("status")).toContainText("Mars/Olympus");
  // The refused value stays where it was typed.
  await expect(settings.getByLabel("Fuseau horaire")).toHaveValue("Mars/Olympus");

  // The server action is a public POST endpoint: forge its institution id and it must still refuse.
  const institutions = (await (await page.request.get("/api/referentials/institutions")).json()) as {
    institutions: { id: string; code: string }[];
  };
  const lyon = institutions.institutions.find((institution) => institution.code === "ULYON")!;
  await settings
    .locator('input[name="institutionId"]')
    .evaluate((input, id) => ((input as HTMLInputElement).value = id), lyon.id);
  await settings.getByLabel("Fuseau horaire").fill("Europe/London");
  await settings.getByRole("button", { name: "Enregistrer" }).click();
  await expect(settings.getByRole("status")).toHaveText("Vous n'avez pas le droit de faire cela.");

  await signOutAndIn(page, "admin@relais.test");
  const lyonOverview = (await (await page.request.get(`/api/institutions/${lyon.id}`)).json()) as {
    institution: { timeZone: string };
  };
  expect(lyonOverview.institution.timeZone).toBe("Europe/Paris");
});
