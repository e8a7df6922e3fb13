import { withActor } from "@/lib/auth/with-actor";
import { readVideoCaptions } from "@/lib/video/open-video-captions";

type TContext = { params: Promise<{ assetId: string }> };

export const GET = withActor<TContext>(async (actor, _request, { params }) => {
  const { assetId } = await params;
  const vtt = await readVideoCaptions(actor, assetId);
  return new Response(vtt, {
    headers: { "content-type": "text/vtt; charset=utf-8", "cache-control": "private, max-age=3600" },
  });
});
