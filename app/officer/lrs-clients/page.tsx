import { forbidden, redirect } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { institutionsWhere } from "@/lib/auth/permissions";

/** The navigation's stable link for officers: their institution's LRS clients page. */
export default async function OfficerLrsClientsPage() {
  const actor = await requirePagePermission("lrsClient.manage");
  const institutions = institutionsWhere(actor, "lrsClient.manage");
  if (institutions === "all") redirect("/admin/lrs-clients");
  const own = institutions.includes(actor.institutionId ?? "") ? actor.institutionId : institutions[0];
  if (!own) forbidden();
  redirect(`/institutions/${own}/lrs-clients`);
}
