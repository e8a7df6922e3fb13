import { withActor } from "@/lib/auth/with-actor";
import { openResourceDocument } from "@/lib/networks/network-files";

/** A document shared as a network resource, for readers of the network. */
export const GET = withActor(async (actor, _request, context: { params: Promise<{ resourceId: string }> }) => {
  const { body, headers } = await openResourceDocument(actor, await context.params);
  return new Response(new Uint8Array(body), { headers });
});
