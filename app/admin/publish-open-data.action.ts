"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedFormAction } from "@/lib/auth/authed-action";
import { invalidInput } from "@/lib/errors/invalid-input";
import { publishOpenData } from "@/lib/opendata/publish-open-data";

const ZPublishForm = z.object({ year: z.coerce.number({ message: "year must be a year" }).int("year must be a year") });

/** A public POST endpoint like any server action: publishOpenData checks the national right. */
export const publishOpenDataAction = authedFormAction(async (actor, formData) => {
  const parsed = ZPublishForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw invalidInput(parsed.error);
  const { publishedAt } = await publishOpenData(actor, { year: parsed.data.year });
  revalidatePath("/open-data");
  revalidatePath("/admin");
  return { year: parsed.data.year, publishedAt: publishedAt.toISOString() };
});
