import { z } from "zod";
import { withActor } from "@/lib/auth/with-actor";
import { invalidInput } from "@/lib/errors/invalid-input";
import { getLocale } from "@/lib/i18n/server";
import { ZIndicatorFilters } from "@/lib/indicators/scope";
import { requestProgressExport } from "@/lib/reports/request-progress-export";
import { REPORT_FORMATS } from "@/lib/reports/render-progress-report";

const ZQuery = ZIndicatorFilters.and(
  z.object({ format: z.enum(REPORT_FORMATS, { message: "indicators.filterErrors.format" }) }),
);

/** GET /api/reports/progress?from&to&format[&institutionId&regionId]: the progress report as a file, or (large) a redirect to its job. */
export const GET = withActor(async (actor, request) => {
  const query = Object.fromEntries([...new URL(request.url).searchParams].filter(([, value]) => value !== ""));
  const parsed = ZQuery.safeParse(query);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { format, ...filters } = parsed.data;
  const result = await requestProgressExport(actor, { filters, format, locale: await getLocale() });
  // Large exports run in the background: the owner follows them on the job's page.
  if ("jobId" in result) return Response.redirect(new URL(`/officer/jobs/${result.jobId}`, request.url), 303);
  const { file } = result;
  return new Response(Buffer.from(file.body), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "private, no-store",
    },
  });
});
