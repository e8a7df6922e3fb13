import { withActor } from "@/lib/auth/with-actor";
import { AppError } from "@/lib/errors/app-error";
import { storeLocalVideo } from "@/lib/video/store-local-video";
import { MAX_VIDEO_BYTES } from "@/lib/video/video-storage";

/** Upload of a video file (multipart field "file"); refused before reading when declared too large. */
export const POST = withActor(async (actor, request) => {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_VIDEO_BYTES + 64 * 1024) throw new AppError("PAYLOAD_TOO_LARGE", `file: a video may not exceed ${MAX_VIDEO_BYTES / 1024 / 1024} MB`);
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof Blob)) throw new AppError("INVALID", "file: a multipart field named file is required");
  const asset = await storeLocalVideo(actor, { bytes: new Uint8Array(await file.arrayBuffer()) });
  return Response.json({ id: asset.id, status: asset.status }, { status: 201 });
});
