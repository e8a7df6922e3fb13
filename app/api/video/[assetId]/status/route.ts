import { withActor } from "@/lib/auth/with-actor";
import { getVideoAsset } from "@/lib/video/get-video-asset";

type TContext = { params: Promise<{ assetId: string }> };

/** The editor polls this after an upload until the video is READY (or ERRORED). */
export const GET = withActor<TContext>(async (actor, _request, { params }) => {
  const { id, provider, status, playback } = await getVideoAsset(actor, (await params).assetId);
  return Response.json(
    { id, provider, status, poster: playback?.poster ?? null },
    { headers: { "cache-control": "no-store" } },
  );
});
