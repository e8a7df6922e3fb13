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
  // The header closes its phone menu once the new page is there (components/layout/site-header.tsx).
  await expect(page.getByRole("dialog", { name: "Menu" })).toHaveCount(0);
}
