"use server";
// Used by the national page (/admin/lrs-clients) and the institution page
// (/institutions/[id]/lrs-clients): the use cases check the actor's scope either way.
import { revalidatePath } from "next/cache";
import { authedFormAction } from "@/lib/auth/authed-action";
import { createLrsClient } from "@/lib/lrs/create-lrs-client";
import { revokeLrsClient } from "@/lib/lrs/revoke-lrs-client";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export const createLrsClientAction = authedFormAction(async (actor, formData) => {
  const institutionId = field(formData, "institutionId");
  const created = await createLrsClient(actor, {
    name: field(formData, "name"),
    institutionId: institutionId === "" ? null : institutionId,
    canRead: formData.get("canRead") === "on",
    canWrite: formData.get("canWrite") === "on",
  });
  revalidatePath("/admin/lrs-clients");
  revalidatePath("/institutions/[id]/lrs-clients", "page");
  return { name: created.name, key: created.key, secret: created.secret };
});

export const revokeLrsClientAction = authedFormAction(async (actor, formData) => {
  await revokeLrsClient(actor, { clientId: field(formData, "clientId") });
  revalidatePath("/admin/lrs-clients");
  revalidatePath("/institutions/[id]/lrs-clients", "page");
});
