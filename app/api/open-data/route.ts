import { jsonError } from "@/lib/auth/with-actor";
import { AppError } from "@/lib/errors/app-error";
import { getPublishedOpenData, openDataToCsv, ZOpenDataQuery } from "@/lib/opendata/get-open-data";

/** GET /api/open-data?year=2026&breakdown=region&format=csv|json — public: the published snapshot of that year (404 if none). */
export async function GET(request: Request): Promise<Response> {
  try {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = ZOpenDataQuery.safeParse(params);
    if (!parsed.success) throw new AppError("INVALID", parsed.error.issues.map((issue) => issue.message).join("; "));
    const format = params.format ?? "json";
    if (format !== "json" && format !== "csv") throw new AppError("INVALID", "format must be csv or json");
    const data = await getPublishedOpenData(parsed.data);
    const filename = `relais-formation-${data.year}-${data.breakdown}.${format}`;
    const headers = {
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "public, max-age=300",
    };
    // Short cache: a new publication must reach downloaders within minutes.
    if (format === "csv")
      return new Response(openDataToCsv(data), { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
    return Response.json(data, { headers });
  } catch (error) {
    return jsonError(error);
  }
}
