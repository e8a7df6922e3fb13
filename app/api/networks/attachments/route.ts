import { withActor } from "@/lib/auth/with-actor";
import { readUploadedFile } from "@/lib/uploads/read-uploaded-file";
import { MAX_DOCUMENT_BYTES } from "@/lib/uploads/store-document";
import { uploadNetworkDocument } from "@/lib/networks/network-files";

/** A document to attach to a network post (multipart field "file"); refused before reading when declared too large. */
export const POST = withActor(async (actor, request) => {
  const stored = await uploadNetworkDocument(
    actor,
    await readUploadedFile(request, { maxBytes: MAX_DOCUMENT_BYTES, what: "a document" }),
  );
  return Response.json(stored, { status: 201 });
});
