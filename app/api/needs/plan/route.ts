import { z } from "zod";
import { withActor } from "@/lib/auth/with-actor";
import { needsError } from "@/lib/needs/needs-error";
import { getLocale } from "@/lib/i18n/server";
import { exportTrainingPlan, PLAN_EXPORT_FORMATS } from "@/lib/needs/export-training-plan";

const ZQuery = z.object({
  institutionId: z.string().min(1).max(40),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  format: z.enum(PLAN_EXPORT_FORMATS),
});

/** GET /api/needs/plan?institutionId&year&format=xlsx|pdf: the institution's training plan for its committees. */
export const GET = withActor(async (actor, request) => {
  const query = Object.fromEntries([...new URL(request.url).searchParams].filter(([, value]) => value !== ""));
  const parsed = ZQuery.safeParse(query);
  if (!parsed.success) throw needsError("INVALID", "needs.errors.invalidInput");
  const file = await exportTrainingPlan(actor, { ...parsed.data, locale: await getLocale() });
  return new Response(Buffer.from(file.body), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "private, no-store",
    },
  });
});
