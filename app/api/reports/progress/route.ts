import { z } from "zod";
import { withActor } from "@/lib/auth/with-actor";
import { AppError } from "@/lib/errors/app-error";
import { getLocale } from "@/lib/i18n/server";
import { ZIndicatorFilters } from "@/lib/indicators/scope";
import { exportProgressReport } from "@/lib/reports/export-progress-report";
import { REPORT_FORMATS } from "@/lib/reports/render-progress-report";

const ZQuery = ZIndicatorFilters.and(z.object({ format: z.enum(REPORT_FORMATS, { message: "format must be csv, xlsx or pdf" }) }));

/** GET /api/reports/progress?from&to&format[&institutionId&regionId]: the progress report as a file. */
export const GET = withActor(async (actor, request) => {
  const query = Object.fromEntries([...new URL(request.url).searchParams].filter(([, value]) => value !== ""));
  const parsed = ZQuery.safeParse(query);
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues.map((issue) => issue.message).join("; "));
  const { format, ...filters } = parsed.data;
  const file = await exportProgressReport(actor, { filters, format, locale: await getLocale() });
  return new Response(Buffer.from(file.body), {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "private, no-store" },
  });
});
