import { withActor } from "@/lib/auth/with-actor";
import { AppError } from "@/lib/errors/app-error";
import { MAX_IMAGE_BYTES } from "@/lib/uploads/process-image";
import { openImage } from "@/lib/uploads/open-image";
import { readUploadedFile } from "@/lib/uploads/read-uploaded-file";
import { getVideoAsset } from "@/lib/video/get-video-asset";
import { posterImageName, setVideoPoster } from "@/lib/video/set-video-poster";

type TContext = { params: Promise<{ assetId: string }> };

/** The poster of a local video, for those who may watch it. */
export const GET = withActor<TContext>(async (actor, _request, { params }) => {
  const asset = await getVideoAsset(actor, (await params).assetId);
  if (!asset.posterPath) throw new AppError("NOT_FOUND", "This video has no poster.");
  const { body, headers } = await openImage(posterImageName(asset.posterPath));
  // The address is stable while the poster may change: revalidate instead of caching forever.
  return new Response(new Uint8Array(body), { headers: { ...headers, "cache-control": "private, no-cache" } });
});

/** Sets the poster (multipart field "file"), for the trainer who may edit the video. */
export const POST = withActor<TContext>(async (actor, request, { params }) => {
  const { bytes } = await readUploadedFile(request, { maxBytes: MAX_IMAGE_BYTES, what: "an image" });
  return Response.json(await setVideoPoster(actor, { assetId: (await params).assetId, bytes }), { status: 201 });
});
