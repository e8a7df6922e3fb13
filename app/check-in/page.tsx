import { pageTitle } from "@/lib/i18n/page-title";
import { requirePageActor } from "@/lib/auth/page-guard";
import { getTranslator } from "@/lib/i18n/server";
import { ActionForm } from "@/components/sessions/action-form";
import { checkInAction } from "./check-in.action";

export const generateMetadata = pageTitle("pageTitles.checkIn");

/** Agents check in by typing the code shown in the room, or by scanning the QR code (which opens this page with the code). */
export default async function CheckInPage({
  searchParams,
}: {
  searchParams: Promise<{ code?: string; via?: string }>;
}) {
  await requirePageActor();
  const { t } = await getTranslator();
  const { code = "", via } = await searchParams;
  return (
    <>
      <h1>{t("sessions.checkIn.title")}</h1>
      <p>{t("sessions.checkIn.help")}</p>
      <ActionForm
        id="check-in"
        action={checkInAction}
        hidden={{ via: via === "qr" ? "qr" : "code" }}
        submitLabel={t("sessions.checkIn.submit")}
        doneMessage={t("sessions.checkIn.done")}
      >
        <label htmlFor="check-in-code">{t("sessions.checkIn.code")}</label>
        <input
          id="check-in-code"
          name="code"
          defaultValue={code.slice(0, 12)}
          required
          autoComplete="off"
          autoCapitalize="characters"
          inputMode="text"
        />
      </ActionForm>
    </>
  );
}
