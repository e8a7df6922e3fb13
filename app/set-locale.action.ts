"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";

/** The language switch: no authorization needed, it only sets the visitor's own preference cookie. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  // A forged call may send anything: only a form naming a known locale changes the cookie.
  const locale = formData instanceof FormData ? formData.get("locale") : null;
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  revalidatePath("/", "layout");
}
