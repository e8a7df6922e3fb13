import { withActor } from "@/lib/auth/with-actor";
import { openPostAttachment } from "@/lib/networks/network-files";

/** A post's attachment, for readers of the post (404 for anyone else, as for a missing file). */
export const GET = withActor(
  async (actor, _request, context: { params: Promise<{ postId: string; fileId: string }> }) => {
    const { body, headers } = await openPostAttachment(actor, await context.params);
    return new Response(new Uint8Array(body), { headers });
  },
);
