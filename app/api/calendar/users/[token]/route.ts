import { getUserIcalFeed } from "@/lib/sessions/get-ical-feed";
import { userIdFromCalendarToken } from "@/lib/sessions/calendar-token";
import { jsonError } from "@/lib/auth/with-actor";
import { AppError } from "@/lib/errors/app-error";

/** A person's iCal feed: calendar apps cannot sign in, so the signed token in the URL is the credential. */
export async function GET(_request: Request, context: { params: Promise<{ token: string }> }) {
  const { token } = await context.params;
  const userId = userIdFromCalendarToken(token);
  if (!userId) return jsonError(new AppError("NOT_FOUND", "Unknown calendar feed."));
  return new Response(await getUserIcalFeed(userId), {
    headers: { "content-type": "text/calendar; charset=utf-8", "cache-control": "private, max-age=300" },
  });
}
