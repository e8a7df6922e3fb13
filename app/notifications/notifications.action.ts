"use server";
import { revalidatePath } from "next/cache";
import { authedFormAction } from "@/lib/auth/authed-action";
import { markNotificationsRead } from "@/lib/notifications/list-notifications";

export const markReadAction = authedFormAction(async (actor) => {
  await markNotificationsRead(actor);
  revalidatePath("/notifications");
});
