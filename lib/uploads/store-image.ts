import "server-only";
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { canSometimes } from "../auth/permissions";
import { uploadRoot } from "../storage/upload-root";
import { processImage } from "./process-image";
import { localizedAppError } from "../errors/localized-error";

export const imageUrl = (storagePath: string) => `/api/uploads/${storagePath}`;

/**
 * A trainer's image for a lesson or a video poster. Stored by the SHA-256 of the processed
 * bytes, so its URL never changes meaning (served with immutable caching) and uploading the
 * same image twice stores it once. Nothing is written before the checks pass.
 */
export async function storeImage(actor: TActor, input: { bytes: Uint8Array; fileName?: string; maxWidth?: number }) {
  if (!canSometimes(actor, "course.author"))
    throw localizedAppError("FORBIDDEN", "Only trainers upload images.", {
      messageKey: "errors.uploads.trainersOnly",
      values: {},
    });
  const image = await processImage(input.bytes, { maxWidth: input.maxWidth });
  const sha256 = createHash("sha256").update(image.data).digest("hex");
  const storagePath = `images/${sha256}.webp`;
  const absolute = path.join(uploadRoot(), storagePath);
  await mkdir(path.dirname(absolute), { recursive: true });
  // Same name, same content: an existing file is already right.
  await writeFile(absolute, image.data, { flag: "wx" }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
  const file = await db.$transaction(async (tx) => {
    const stored = await tx.storedFile.upsert({
      where: { storagePath },
      create: {
        storagePath,
        fileName: (input.fileName ?? "image").slice(0, 200),
        mimeType: "image/webp",
        sizeBytes: image.data.byteLength,
        sha256,
        createdById: actor.userId,
      },
      update: {},
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "image.uploaded",
        entityType: "StoredFile",
        entityId: stored.id,
        institutionId: actor.institutionId,
        data: { bytes: image.data.byteLength, width: image.width },
      },
    });
    return stored;
  });
  return { id: file.id, storagePath, url: imageUrl(storagePath), width: image.width, height: image.height };
}
