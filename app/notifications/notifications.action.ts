"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { markNotificationsRead } from "@/lib/notifications/list-notifications";

export const markReadAction = authedAction(async (actor) => {
  await markNotificationsRead(actor);
  revalidatePath("/notifications");
});
