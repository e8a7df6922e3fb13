import { withActor } from "@/lib/auth/with-actor";
import { MAX_IMAGE_BYTES } from "@/lib/uploads/process-image";
import { readUploadedFile } from "@/lib/uploads/read-uploaded-file";
import { storeImage } from "@/lib/uploads/store-image";

/** Image upload (multipart field "file"); refused before reading when declared too large. */
export const POST = withActor(async (actor, request) => {
  const image = await storeImage(
    actor,
    await readUploadedFile(request, { maxBytes: MAX_IMAGE_BYTES, what: "an image" }),
  );
  return Response.json(image, { status: 201 });
});
