import { withActor } from "@/lib/auth/with-actor";
import { readUploadedFile } from "@/lib/uploads/read-uploaded-file";
import { MAX_DOCUMENT_BYTES, storeDocument } from "@/lib/uploads/store-document";

/** Course document upload (multipart field "file"); refused before reading when declared too large. */
export const POST = withActor(async (actor, request) => {
  const stored = await storeDocument(
    actor,
    await readUploadedFile(request, { maxBytes: MAX_DOCUMENT_BYTES, what: "a document" }),
  );
  return Response.json({ ...stored, url: `/api/uploads/files/${stored.id}` }, { status: 201 });
});
