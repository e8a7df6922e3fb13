import { getSiteIcalFeed } from "@/lib/sessions/get-ical-feed";
import { jsonError } from "@/lib/auth/with-actor";
import { AppError } from "@/lib/errors/app-error";

/** A relay site's public programme as iCal (titles, times, rooms; no personal data). */
export async function GET(_request: Request, context: { params: Promise<{ siteId: string }> }) {
  const { siteId } = await context.params;
  const feed = await getSiteIcalFeed(siteId.replace(/\.ics$/, ""));
  if (!feed) return jsonError(new AppError("NOT_FOUND", "Unknown relay site."));
  return new Response(feed, {
    headers: { "content-type": "text/calendar; charset=utf-8", "cache-control": "public, max-age=300" },
  });
}
