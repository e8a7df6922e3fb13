import Link from "next/link";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/actor";
import { homeFor } from "@/lib/auth/navigation";
import { getTranslator } from "@/lib/i18n/server";

export default async function HomePage() {
  const actor = await getActor();
  if (actor) redirect(homeFor(actor));
  const { t } = await getTranslator();
  return (
    <section className="hero">
      <h1>{t("home.welcomeTitle")}</h1>
      <p className="lead">{t("home.welcomeText")}</p>
      <p>
        <Link className="button" href="/auth/signin">
          {t("home.signInCta")}
        </Link>
      </p>
    </section>
  );
}
