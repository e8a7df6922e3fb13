import { expect, type Page } from "@playwright/test";

/**
 * Follows an entry of the main navigation as a person would: on a phone the DSFR header folds it
 * behind "Menu"; an area of several links (an officer's "Établissement") opens as a menu first.
 */
export async function followNavigation(page: Page, name: string): Promise<void> {
  const menuButton = page.locator(".fr-header__navbar .fr-btn--menu");
  if (await menuButton.isVisible()) await menuButton.click();
  const nav = page.getByRole("navigation", { name: /^(Navigation principale|Main navigation)$/ });
  const link = nav.getByRole("link", { name, exact: true, includeHidden: true });
  await expect(link).toHaveCount(1);
  if (!(await link.isVisible())) {
    // `has` is searched inside each item: the link alone, not the navigation that holds it.
    const item = nav
      .locator(".fr-nav__item")
      .filter({ has: page.getByRole("link", { name, exact: true, includeHidden: true }) });
    await item.getByRole("button").click();
  }
  await link.click();
  // After a client-side navigation the phone menu may stay open over the new page: close it as
  // a person would before reading the page (axe would otherwise measure contrast through it).
  await page.waitForLoadState();
  const close = page.getByRole("dialog", { name: "Menu" }).getByRole("button", { name: /Fermer|Close/ });
  if (await close.isVisible()) await close.click();
}
