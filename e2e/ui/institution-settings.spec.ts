import { test, expect } from "@playwright/test";
import { signInAs } from "../support/auth";
import { expectNoSeriousA11yViolations } from "../support/axe";

test("a training officer saves their institution's settings; a forged action on another institution is refused", async ({
  page,
}) => {
  await signInAs(page, "officer@relais.test");
  await expect(page.getByRole("heading", { level: 1, name: "Établissement Université Grenoble Alpes" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Fuseau horaire").fill("Europe/Paris");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status")).toHaveText("Paramètres enregistrés.");

  await page.getByLabel("Fuseau horaire").fill("Mars/Olympus");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status")).toContainText("Mars/Olympus");

  // The server action is a public POST endpoint: forge its institution id and it must still refuse.
  const institutions = (await (await page.request.get("/api/referentials/institutions")).json()) as {
    institutions: { id: string; code: string }[];
  };
  const lyon = institutions.institutions.find((institution) => institution.code === "ULYON")!;
  await page
    .locator('input[name="institutionId"]')
    .evaluate((input, id) => ((input as HTMLInputElement).value = id), lyon.id);
  await page.getByLabel("Fuseau horaire").fill("Europe/London");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status")).toHaveText("Vous n'avez pas le droit de faire cela.");

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Se connecter" }).first()).toBeVisible();
  await signInAs(page, "admin@relais.test");
  const lyonOverview = (await (await page.request.get(`/api/institutions/${lyon.id}`)).json()) as {
    institution: { timeZone: string };
  };
  expect(lyonOverview.institution.timeZone).toBe("Europe/Paris");
});
