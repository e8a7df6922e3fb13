import "server-only";
import { localizedAppError } from "../errors/localized-error";

/**
 * The multipart field "file" of an upload request. A body declared larger than the limit is
 * refused before it is read (413 with the limit in words); the use case checks the real size and
 * the content again, since Content-Length can lie.
 */
export async function readUploadedFile(
  request: Request,
  limit: { maxBytes: number; what: string },
): Promise<{ bytes: Uint8Array; fileName: string | undefined }> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  // Allowance for the multipart envelope around the file.
  if (declared > limit.maxBytes + 64 * 1024)
    throw localizedAppError(
      "PAYLOAD_TOO_LARGE",
      `file: ${limit.what} may not exceed ${limit.maxBytes / 1024 / 1024} MB`,
      { messageKey: "errors.uploads.tooLarge", values: { megabytes: limit.maxBytes / 1024 / 1024 } },
    );
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof Blob))
    throw localizedAppError("INVALID", "file: a multipart field named file is required", {
      messageKey: "errors.uploads.noFile",
      values: {},
    });
  return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file instanceof File ? file.name : undefined };
}
