import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { canSometimes } from "../auth/permissions";
import { sniffMediaType } from "../storage/sniff-media-type";
import { uploadRoot } from "../storage/upload-root";
import { MAX_VIDEO_BYTES } from "./video-storage";
import { localizedAppError } from "../errors/localized-error";

/**
 * The local video provider's upload: checked by content (WebM/MP4 magic bytes) and size before
 * anything is written; the file then the row, and the file is removed if the row fails.
 */
export async function storeLocalVideo(actor: TActor, input: { bytes: Uint8Array }) {
  if (!canSometimes(actor, "course.author"))
    throw localizedAppError("FORBIDDEN", "Only trainers upload videos.", {
      messageKey: "errors.uploads.trainersOnly",
      values: {},
    });
  if (input.bytes.byteLength === 0)
    throw localizedAppError("INVALID", "file: the file is empty", { messageKey: "errors.uploads.empty", values: {} });
  if (input.bytes.byteLength > MAX_VIDEO_BYTES)
    throw localizedAppError("PAYLOAD_TOO_LARGE", `file: a video may not exceed ${MAX_VIDEO_BYTES / 1024 / 1024} MB`, {
      messageKey: "errors.uploads.videoTooLarge",
      values: { megabytes: MAX_VIDEO_BYTES / 1024 / 1024 },
    });
  const type = sniffMediaType(input.bytes);
  if (!type || type.kind !== "video")
    throw localizedAppError(
      "UNSUPPORTED_MEDIA_TYPE",
      "file: only WebM and MP4 videos are accepted (checked from the file's content)",
      { messageKey: "errors.uploads.videoType", values: {} },
    );
  const relative = path.join("videos", `${randomUUID()}.${type.extension}`);
  const absolute = path.join(uploadRoot(), relative);
  await mkdir(path.dirname(absolute), { recursive: true });
  await writeFile(absolute, input.bytes, { flag: "wx" });
  try {
    return await db.$transaction(async (tx) => {
      const asset = await tx.videoAsset.create({
        data: {
          provider: "LOCAL",
          status: "READY",
          storagePath: relative,
          mimeType: type.mimeType,
          createdById: actor.userId,
        },
      });
      await tx.auditLog.create({
        data: {
          actorId: actor.userId,
          action: "video.uploaded",
          entityType: "VideoAsset",
          entityId: asset.id,
          institutionId: actor.institutionId,
          data: { bytes: input.bytes.byteLength, mimeType: type.mimeType },
        },
      });
      return asset;
    });
  } catch (error) {
    await rm(absolute, { force: true });
    throw error;
  }
}
