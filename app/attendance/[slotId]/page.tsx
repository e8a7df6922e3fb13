import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { notFound } from "next/navigation";
import QRCode from "qrcode";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getRollCall } from "@/lib/sessions/get-roll-call";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { isAppError } from "@/lib/errors/app-error";
import { RollCallForm } from "@/components/sessions/roll-call-form";
import { recordRollCallAction } from "../attendance.action";
import "@/components/sessions/sessions.css";
import { publicUrl } from "@/lib/env";

export const generateMetadata = pageTitle("pageTitles.attendanceSlotId");

/** The trainer's roll call on a phone: one large checkbox per confirmed agent, and the code to display in the room. */
export default async function RollCallPage({ params }: { params: Promise<{ slotId: string }> }) {
  const { slotId } = await params;
  const actor = await requirePagePermission("attendance.record");
  const { locale, t } = await getTranslator();
  const { slot, registrations, window } = await getRollCall(actor, slotId).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
  const base = publicUrl();
  const qr = slot.checkInCode
    ? await QRCode.toDataURL(`${base}/check-in?code=${slot.checkInCode}&via=qr`, { margin: 1, width: 220 })
    : null;
  const timeZone = slot.session.site.institution?.timeZone ?? undefined;
  const title = localized(locale, slot.session.courseVersion.title, slot.session.courseVersion.titleEn);
  return (
    <>
      <h1>{t("sessions.rollCall.title", { title })}</h1>
      <p>
        {formatDate(locale, slot.startsAt, { withTime: true })} · {slot.room.name} ·{" "}
        <Link href={`/sessions/${slot.sessionId}`}>{t("sessions.rollCall.back")}</Link>
      </p>
      <p>
        {t("sessions.rollCall.windowHelp", {
          opens: formatDate(locale, window.opensAt, { withTime: true, timeZone }),
          closes: formatDate(locale, window.closesAt, { withTime: true, timeZone }),
        })}
      </p>
      <RollCallForm
        action={recordRollCallAction}
        slotId={slot.id}
        agents={registrations.map((row) => ({
          registrationId: row.id,
          name: row.user.name,
          isPresent: row.attendance?.isPresent ?? false,
          note: row.attendance && row.attendance.method !== "ROLL_CALL" ? t("sessions.rollCall.checkedIn") : "",
        }))}
        labels={{
          legend: t("sessions.rollCall.legend"),
          save: t("sessions.rollCall.save"),
          saved: t("sessions.rollCall.saved"),
          empty: t("sessions.rollCall.empty"),
          reason: t("sessions.rollCall.reasonLabel"),
        }}
      />
      {slot.checkInCode && (
        <section aria-labelledby="code-title">
          <h2 id="code-title">{t("sessions.rollCall.codeTitle")}</h2>
          <p>{t("sessions.rollCall.codeHelp")}</p>
          <p className="check-in-code">{slot.checkInCode}</p>
          {qr && (
            // eslint-disable-next-line @next/next/no-img-element -- a data: URL generated on the server, nothing to optimise
            <img src={qr} width={220} height={220} alt={t("sessions.rollCall.qrAlt", { code: slot.checkInCode })} />
          )}
        </section>
      )}
    </>
  );
}
