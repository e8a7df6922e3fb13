import "server-only";
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { canSometimes } from "../auth/permissions";
import { uploadRoot } from "../storage/upload-root";
import { identifyDocument } from "./identify-document";
import { localizedAppError } from "../errors/localized-error";

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** What a person sees of a file name: no path, no control characters, a sane length. */
export function cleanFileName(fileName: string | undefined, extension: string): string {
  const base = path
    .basename((fileName ?? "").replace(/\\/g, "/"))
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .slice(0, 150);
  if (!base) return `document.${extension}`;
  return base.toLowerCase().endsWith(`.${extension}`) ? base : `${base}.${extension}`;
}

/**
 * A trainer's downloadable document (the FILE activity). Checked by content, size-limited,
 * stored under the SHA-256 of its bytes (the same document twice is stored once on disk) with one
 * row per upload keeping the name the trainer gave it. Nothing is written before the checks pass.
 */
export async function storeDocument(actor: TActor, input: { bytes: Uint8Array; fileName?: string }) {
  if (!canSometimes(actor, "course.author"))
    throw localizedAppError("FORBIDDEN", "Only trainers upload course documents.", {
      messageKey: "errors.uploads.trainersOnly",
      values: {},
    });
  return storeCheckedDocument(actor, input);
}

/**
 * The same checks and storage for a caller that decided itself who may upload (network post
 * attachments: lib/networks checks membership, and links the file to its post later).
 */
export async function storeCheckedDocument(actor: TActor, input: { bytes: Uint8Array; fileName?: string }) {
  if (input.bytes.byteLength === 0)
    throw localizedAppError("INVALID", "file: the file is empty", { messageKey: "errors.uploads.empty", values: {} });
  if (input.bytes.byteLength > MAX_DOCUMENT_BYTES)
    throw localizedAppError(
      "PAYLOAD_TOO_LARGE",
      `file: a document may not exceed ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`,
      { messageKey: "errors.uploads.documentTooLarge", values: { megabytes: MAX_DOCUMENT_BYTES / 1024 / 1024 } },
    );
  const type = identifyDocument(input.bytes);
  if (!type)
    throw localizedAppError(
      "UNSUPPORTED_MEDIA_TYPE",
      "file: only PDF, OpenDocument (odt, ods, odp) and Office (docx, xlsx, pptx) documents are accepted (checked from the file's content)",
      { messageKey: "errors.uploads.documentType", values: {} },
    );
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const diskPath = `files/${sha256}.${type.extension}`;
  const absolute = path.join(uploadRoot(), diskPath);
  await mkdir(path.dirname(absolute), { recursive: true });
  await writeFile(absolute, input.bytes, { flag: "wx" }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error; // same name, same bytes: already right
  });
  const fileName = cleanFileName(input.fileName, type.extension);
  // The row's storagePath (unique) carries who named it what, so two trainers may give the same
  // bytes different names while the same upload retried finds its first row.
  const storagePath = `${diskPath}#${createHash("sha256").update(`${actor.userId}:${fileName}`).digest("hex").slice(0, 16)}`;
  const select = { id: true, fileName: true, mimeType: true, sizeBytes: true } as const;
  const existing = await db.storedFile.findUnique({ where: { storagePath }, select });
  if (existing) return existing;
  try {
    return await db.$transaction(async (tx) => {
      const stored = await tx.storedFile.create({
        data: {
          storagePath,
          fileName,
          mimeType: type.mimeType,
          sizeBytes: input.bytes.byteLength,
          sha256,
          createdById: actor.userId,
        },
        select,
      });
      await tx.auditLog.create({
        data: {
          actorId: actor.userId,
          action: "document.uploaded",
          entityType: "StoredFile",
          entityId: stored.id,
          institutionId: actor.institutionId,
          data: { bytes: input.bytes.byteLength, mimeType: type.mimeType },
        },
      });
      return stored;
    });
  } catch (error) {
    // A concurrent retry of the same upload committed first: answer with its row.
    if ((error as { code?: string }).code !== "P2002") throw error;
    return db.storedFile.findUniqueOrThrow({ where: { storagePath }, select });
  }
}
