import { withActor } from "@/lib/auth/with-actor";
import { getVideoAsset } from "@/lib/video/get-video-asset";
import { muxMp4Url } from "@/lib/video/describe-video-playback";
import { openVideoRange } from "@/lib/video/open-video-range";

type TContext = { params: Promise<{ assetId: string }> };

export const GET = withActor<TContext>(async (actor, request, { params }) => {
  const { assetId } = await params;
  const asset = await getVideoAsset(actor, assetId);
  // Mux videos are served by Mux: the plain <video> of a lesson embed gets the MP4 rendition.
  if (asset.playback?.kind === "mux")
    return new Response(null, {
      status: 302,
      headers: { location: muxMp4Url(asset.playback.playbackId), "cache-control": "private, no-store" },
    });
  const { status, headers, body } = await openVideoRange(actor, assetId, request.headers.get("range"));
  return new Response(body, { status, headers });
});
