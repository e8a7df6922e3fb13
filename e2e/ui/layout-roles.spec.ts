import { test, expect, type Page } from "@playwright/test";
import { signInAs } from "../support/auth";
import { expectNoSeriousA11yViolations } from "../support/axe";

// Every page of every role's navigation, on the two narrowest phones the issue names: nothing
// wider than the screen (scrollWidth ≤ clientWidth). Plus the role navigation itself: an agent
// never sees staff entries, a manager has "Demandes à valider" with its count.
const ROLES = [
  "agent@relais.test",
  "manager@relais.test",
  "trainer@relais.test",
  "coordinator@relais.test",
  "officer@relais.test",
  "admin@relais.test",
];
const PUBLIC_PAGES = ["/auth/signin", "/accessibilite", "/mentions-legales", "/donnees-personnelles", "/catalogue"];

async function navigationHrefs(page: Page): Promise<string[]> {
  return page
    .getByRole("navigation", { name: "Navigation principale" })
    .locator("a[href]")
    .evaluateAll((links) => [...new Set(links.map((link) => new URL((link as HTMLAnchorElement).href).pathname))]);
}

async function expectFitsPhones(page: Page, path: string): Promise<void> {
  for (const width of [320, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(path);
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll, `${path} at ${width} px`).toBeLessThanOrEqual(widths.client);
  }
}

test("public pages fit 320 and 375 px; the legal pages pass axe", async ({ page }) => {
  for (const path of PUBLIC_PAGES) await expectFitsPhones(page, path);
  for (const path of ["/mentions-legales", "/donnees-personnelles"]) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(path);
    await expect(
      page.getByRole("contentinfo").getByRole("link", { name: /Accessibilité : partiellement conforme/ }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  }
});

for (const email of ROLES) {
  test(`${email}: every page of the navigation fits 320 and 375 px`, async ({ page }) => {
    test.setTimeout(300_000);
    await signInAs(page, email);
    const hrefs = await navigationHrefs(page);
    expect(hrefs.length).toBeGreaterThan(2);
    if (email === "agent@relais.test")
      for (const staff of ["/trainer", "/coordinator", "/officer", "/admin", "/approvals"])
        expect(hrefs).not.toContain(staff);
    for (const path of hrefs) await expectFitsPhones(page, path);
  });
}

test("a manager's menu has “Demandes à valider” with its count; the inbox holds course and session requests and passes axe", async ({
  page,
}) => {
  await signInAs(page, "manager@relais.test");
  const entry = page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", {
    name: /^Demandes à valider \d+ demandes? en attente$/,
  });
  await entry.click();
  await expect(page.getByRole("heading", { level: 1, name: "Demandes à valider" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^Inscriptions aux formations/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^Inscriptions aux sessions en présentiel/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Absence et suppléance" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // The phone menu: the same entry behind "Menu".
  await page.setViewportSize({ width: 375, height: 800 });
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(
    page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: /^Demandes à valider/ }),
  ).toBeVisible();
});

test("an agent without a team sees no absence form, and their home says what waits for them", async ({ page }) => {
  await signInAs(page, "agent@relais.test");
  await expect(page.getByRole("heading", { level: 2, name: "Ce qui vous attend" })).toBeVisible();
  await page.goto("/approvals");
  await expect(page.getByRole("heading", { level: 1, name: "Demandes à valider" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Absence et suppléance" })).toHaveCount(0);
});
