import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getMissionScales } from "@/lib/mission-costs/get-mission-scales";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { EURO_FORMAT } from "@/lib/money/z-euros";
import { ActionForm } from "@/components/sessions/action-form";
import "@/components/needs/needs.css";
import { updateMissionScalesAction } from "./scales.action";

export const generateMetadata = pageTitle("pageTitles.missionScales");

export default async function MissionScalesPage() {
  await requirePagePermission("missionScales.manage");
  const [{ locale, t }, scales] = await Promise.all([getTranslator(), getMissionScales()]);
  const typed = (cents: number) => formatNumber(locale, cents / 100, { ...EURO_FORMAT, useGrouping: false });
  return (
    <>
      <p>
        <Link href="/needs/pooling">{t("costs.scales.back")}</Link>
      </p>
      <h1>{t("costs.scales.title")}</h1>
      <p className="prose">{t("costs.scales.intro")}</p>
      <p>
        {scales.updatedAt
          ? t("costs.scales.updatedAt", { date: formatDate(locale, scales.updatedAt, { withTime: true }) })
          : t("costs.scales.defaults")}
      </p>
      <ActionForm
        id="mission-scales"
        action={updateMissionScalesAction}
        submitLabel={t("costs.scales.submit")}
        doneMessage={t("costs.scales.done")}
      >
        <label htmlFor="scale-km">{t("costs.scales.kmAllowance")}</label>
        <input
          id="scale-km"
          name="kmAllowance"
          inputMode="decimal"
          required
          defaultValue={typed(scales.kmAllowanceCents)}
        />
        <label htmlFor="scale-meal">{t("costs.scales.meal")}</label>
        <input id="scale-meal" name="meal" inputMode="decimal" required defaultValue={typed(scales.mealCents)} />
        <label htmlFor="scale-overnight">{t("costs.scales.overnight")}</label>
        <input
          id="scale-overnight"
          name="overnight"
          inputMode="decimal"
          required
          defaultValue={typed(scales.overnightCents)}
        />
        <label htmlFor="scale-from">{t("costs.scales.overnightFromKm")}</label>
        <input
          id="scale-from"
          name="overnightFromKm"
          type="number"
          min={1}
          max={2000}
          required
          defaultValue={scales.overnightFromKm}
        />
      </ActionForm>
      <h2>{t("costs.scales.ruleTitle")}</h2>
      <p className="definition">{t("costs.scales.rule")}</p>
    </>
  );
}
