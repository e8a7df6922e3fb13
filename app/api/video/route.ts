import { withActor } from "@/lib/auth/with-actor";
import { readUploadedFile } from "@/lib/uploads/read-uploaded-file";
import { storeLocalVideo } from "@/lib/video/store-local-video";
import { MAX_VIDEO_BYTES } from "@/lib/video/video-storage";

/** Upload of a video file (multipart field "file"); refused before reading when declared too large. */
export const POST = withActor(async (actor, request) => {
  const { bytes } = await readUploadedFile(request, { maxBytes: MAX_VIDEO_BYTES, what: "a video" });
  const asset = await storeLocalVideo(actor, { bytes });
  return Response.json({ id: asset.id, status: asset.status }, { status: 201 });
});
