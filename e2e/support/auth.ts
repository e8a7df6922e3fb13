import { expect, type Page } from "@playwright/test";

const SIGN_OUT = /Se déconnecter|Sign out/;

/** One-click demo sign-in (demo mode), as a person would do it on the sign-in page. */
export async function signInAs(page: Page, email: string): Promise<void> {
  await page.goto("/auth/signin");
  await page.getByRole("button", { name: new RegExp(email.replace(/[.@]/g, "\\$&")) }).click();
  // Signing in ends on the role home, which may take a while on a loaded 2-core CI machine. On a
  // phone the header folds "Se déconnecter" behind its menu: present, not necessarily visible.
  await expect(page).not.toHaveURL(/\/auth\/signin/, { timeout: 45_000 });
  await expect(page.getByRole("button", { name: SIGN_OUT, includeHidden: true }).first()).toBeAttached({
    timeout: 45_000,
  });
}

/** Signs out as a person would, opening the phone header's menu first when it is folded. */
export async function signOut(page: Page): Promise<void> {
  const menuButton = page.locator(".fr-header__navbar .fr-btn--menu");
  if (await menuButton.isVisible()) await menuButton.click();
  await page.getByRole("button", { name: SIGN_OUT }).filter({ visible: true }).first().click();
  await expect(page.getByRole("link", { name: /Se connecter|Sign in/ }).first()).toBeAttached({ timeout: 30_000 });
}

/** Sign out, then in as someone else, in the same page (journeys between several people). */
export async function signOutAndIn(page: Page, email: string): Promise<void> {
  await signOut(page);
  await signInAs(page, email);
}
