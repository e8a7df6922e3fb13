import { withActor } from "@/lib/auth/with-actor";
import { openVideoRange } from "@/lib/video/open-video-range";

type TContext = { params: Promise<{ assetId: string }> };

export const GET = withActor<TContext>(async (actor, request, { params }) => {
  const { assetId } = await params;
  const { status, headers, body } = await openVideoRange(actor, assetId, request.headers.get("range"));
  return new Response(body, { status, headers });
});
