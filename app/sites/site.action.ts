"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedFormAction } from "@/lib/auth/authed-action";
import { updateSite } from "@/lib/sites/update-site";
import { saveRoom, type ROOM_FEATURES } from "@/lib/sites/save-room";
import { deleteRoom } from "@/lib/sites/delete-room";
import { deleteSite } from "@/lib/sites/delete-site";
import { inUserLanguage } from "@/lib/sessions/in-user-language";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");
type TFeature = (typeof ROOM_FEATURES)[number];

export const updateSiteAction = authedFormAction(async (actor, formData) => {
  const siteId = field(formData, "siteId");
  await updateSite(actor, {
    siteId,
    name: field(formData, "name"),
    address: field(formData, "address"),
    postalCode: field(formData, "postalCode"),
    city: field(formData, "city"),
    latitude: field(formData, "latitude"),
    longitude: field(formData, "longitude"),
    accessibility: field(formData, "accessibility"),
    openingHours: field(formData, "openingHours"),
    contactEmail: field(formData, "contactEmail"),
    contactPhone: field(formData, "contactPhone"),
  });
  revalidatePath(`/sites/${siteId}`);
});

export const saveRoomAction = authedFormAction(async (actor, formData) => {
  const siteId = field(formData, "siteId");
  await inUserLanguage(() =>
    saveRoom(actor, {
      siteId,
      name: field(formData, "name"),
      capacity: field(formData, "capacity"),
      accessibilityFeatures: formData.getAll("features").map(String) as TFeature[],
    }),
  );
  revalidatePath(`/sites/${siteId}`);
});

export const deleteRoomAction = authedFormAction(async (actor, formData) => {
  await inUserLanguage(() => deleteRoom(actor, { roomId: field(formData, "roomId") }));
  revalidatePath(`/sites/${field(formData, "siteId")}`);
});

const deleteSiteOrExplain = authedFormAction(async (actor, formData) => {
  await inUserLanguage(() => deleteSite(actor, { siteId: field(formData, "siteId") }));
  revalidatePath("/sites");
});

/** Deletes the site, then leaves its (now missing) page for the list; a refusal stays on the form. */
export async function deleteSiteAction(
  previous: Awaited<ReturnType<typeof deleteSiteOrExplain>> | null,
  formData: FormData,
) {
  const result = await deleteSiteOrExplain(previous, formData);
  // redirect() throws by design: outside authedAction, which would take it for a failure.
  if (result.ok) redirect("/sites");
  return result;
}
