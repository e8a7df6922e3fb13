"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import {
  migrateLearnersToLatestVersion,
  type TMigrateLearnersInput,
} from "@/lib/authoring/migrate-learners-to-latest-version";

export const migrateLearnersAction = authedAction(async (actor, input: TMigrateLearnersInput) => {
  const result = await migrateLearnersToLatestVersion(actor, input);
  revalidatePath(`/trainer/courses/${input.courseId}`);
  return result;
});
