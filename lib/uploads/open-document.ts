import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { db, type Prisma } from "../db";
import type { TActor } from "../auth/permissions";
import { uploadRoot } from "../storage/upload-root";
import { fileWhereForActor } from "./file-visibility";
import { localizedAppError } from "../errors/localized-error";

const DISK_PATH = /^files\/[0-9a-f]{64}\.(pdf|odt|ods|odp|docx|xlsx|pptx)$/;

/**
 * A course document for someone allowed to see it (lib/uploads/file-visibility.ts); anyone else
 * gets the same 404 as for a missing file, so ids reveal nothing. Always sent as an attachment
 * with nosniff: the browser never renders it inside Relais's origin.
 */
export async function openDocument(
  actor: TActor,
  fileId: string,
): Promise<{ body: Buffer; headers: Record<string, string> }> {
  return readDocumentFile({ id: fileId, ...fileWhereForActor(actor) });
}

/**
 * A stored document matching `where` (the caller's visibility rule: course documents above,
 * network attachments in lib/networks), read from disk with the download headers; NOT_FOUND
 * when the rule or the disk says no.
 */
export async function readDocumentFile(
  where: Prisma.StoredFileWhereInput,
): Promise<{ body: Buffer; headers: Record<string, string> }> {
  const file = await db.storedFile.findFirst({
    where: { AND: [where, { storagePath: { startsWith: "files/" } }] },
    select: { storagePath: true, fileName: true, mimeType: true, sha256: true },
  });
  const diskPath = file?.storagePath.split("#")[0] ?? "";
  if (!file || !DISK_PATH.test(diskPath))
    throw localizedAppError("NOT_FOUND", "This document does not exist or is not available to you.", {
      messageKey: "errors.uploads.documentNotFound",
      values: {},
    });
  const body = await readFile(path.join(uploadRoot(), diskPath)).catch(() => {
    throw localizedAppError("NOT_FOUND", "This document does not exist or is not available to you.", {
      messageKey: "errors.uploads.documentNotFound",
      values: {},
    });
  });
  const asciiName = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/[\\"]/g, "_");
  return {
    body,
    headers: {
      "content-type": file.mimeType,
      "content-length": String(body.byteLength),
      "content-disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      // Rights can change (course withdrawn), so the browser may keep it but must ask again.
      "cache-control": "private, no-cache",
      etag: `"${file.sha256}"`,
      "x-content-type-options": "nosniff",
    },
  };
}
