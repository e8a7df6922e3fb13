import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getTranslator } from "@/lib/i18n/server";
import { getNetworkProfile } from "@/lib/networks/network-profile";
import { ActionForm } from "@/components/sessions/action-form";
import { updateProfileAction } from "../networks.action";

export const metadata: Metadata = { title: "Profil" };

export default async function NetworkProfilePage() {
  const actor = await requirePagePermission("network.participate");
  const { t } = await getTranslator();
  const profile = await getNetworkProfile(actor);
  return (
    <>
      <p>
        <Link href="/networks">{t("networks.title")}</Link>
      </p>
      <h1>{t("networks.profile.title")}</h1>
      <p>{t("networks.profile.help")}</p>
      <p>{t("networks.profile.handle", { handle: profile.handle })}</p>
      <ActionForm
        id="profile"
        action={updateProfileAction}
        submitLabel={t("networks.profile.save")}
        doneMessage={t("networks.profile.saved")}
      >
        <label htmlFor="profile-headline">{t("networks.profile.headline")}</label>
        <input id="profile-headline" name="headline" maxLength={120} defaultValue={profile.headline} />
        {(["showInstitution", "showEmail", "showWorkplace"] as const).map((name) => (
          <p key={name}>
            <input type="checkbox" id={`profile-${name}`} name={name} defaultChecked={profile[name]} />{" "}
            <label htmlFor={`profile-${name}`}>{t(`networks.profile.${name}`)}</label>
          </p>
        ))}
      </ActionForm>
    </>
  );
}
