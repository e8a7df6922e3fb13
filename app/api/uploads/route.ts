import { withActor } from "@/lib/auth/with-actor";
import { AppError } from "@/lib/errors/app-error";
import { MAX_IMAGE_BYTES } from "@/lib/uploads/process-image";
import { storeImage } from "@/lib/uploads/store-image";

/** Image upload (multipart field "file"); refused before reading when declared too large. */
export const POST = withActor(async (actor, request) => {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_IMAGE_BYTES + 64 * 1024) throw new AppError("PAYLOAD_TOO_LARGE", `file: an image may not exceed ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) throw new AppError("INVALID", "file: a multipart field named file is required");
  const image = await storeImage(actor, { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name });
  return Response.json(image, { status: 201 });
});
