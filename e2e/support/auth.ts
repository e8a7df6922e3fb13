import { expect, type Page } from "@playwright/test";

/** One-click demo sign-in (demo mode), as a person would do it on the sign-in page. */
export async function signInAs(page: Page, email: string): Promise<void> {
  await page.goto("/auth/signin");
  await page.getByRole("button", { name: new RegExp(email.replace(/[.@]/g, "\\$&")) }).click();
  // Signing in ends on the role home, which may take a while on a loaded 2-core CI machine.
  await expect(page.getByRole("button", { name: /Se déconnecter|Sign out/ })).toBeVisible({ timeout: 45_000 });
}

/** Sign out, then in as someone else, in the same page (journeys between several people). */
export async function signOutAndIn(page: Page, email: string): Promise<void> {
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Se connecter" }).first()).toBeVisible({ timeout: 30_000 });
  await signInAs(page, email);
}
