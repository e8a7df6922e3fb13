import { getMemberNetworkFeed } from "@/lib/networks/network-calendar";
import { userIdFromCalendarToken } from "@/lib/sessions/calendar-token";
import { jsonError } from "@/lib/auth/with-actor";
import { AppError } from "@/lib/errors/app-error";

/** A member's networks feed (meetings, shared sessions): the signed token in the URL is the credential, as for /api/calendar/users. */
export async function GET(_request: Request, context: { params: Promise<{ token: string }> }) {
  const { token } = await context.params;
  const userId = userIdFromCalendarToken(token);
  const feed = userId ? await getMemberNetworkFeed(userId) : null;
  if (!feed) return jsonError(new AppError("NOT_FOUND", "Unknown calendar feed."));
  return new Response(feed, {
    headers: { "content-type": "text/calendar; charset=utf-8", "cache-control": "private, max-age=300" },
  });
}
