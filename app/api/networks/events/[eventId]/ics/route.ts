import { withActor } from "@/lib/auth/with-actor";
import { getNetworkEventIcs } from "@/lib/networks/network-calendar";

/** One online meeting as an .ics file, for readers of its network. */
export const GET = withActor(async (actor, _request, context: { params: Promise<{ eventId: string }> }) => {
  const { eventId } = await context.params;
  return new Response(await getNetworkEventIcs(actor, eventId), {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="rencontre-${eventId.replace(/[^\w-]/g, "")}.ics"`,
      "cache-control": "private, no-cache",
    },
  });
});
