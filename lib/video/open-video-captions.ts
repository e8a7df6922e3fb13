import "server-only";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { openVideoRange } from "./open-video-range";
import { uploadRoot } from "../storage/upload-root";
import { localizedAppError } from "../errors/localized-error";

/** Path of a video's WebVTT captions: beside the file, same name, .vtt. */
export function captionsPathFor(storagePath: string): string {
  return path.join(uploadRoot(), storagePath.replace(/\.[a-z0-9]+$/, ".vtt"));
}

export function hasCaptions(storagePath: string | null): boolean {
  return storagePath !== null && existsSync(captionsPathFor(storagePath));
}

/** The captions of a video the actor may watch (same visibility rule as the stream). */
export async function readVideoCaptions(actor: TActor, assetId: string): Promise<string> {
  // Reuse the stream's authorization: it throws NOT_FOUND when the actor may not see the video.
  const probe = await openVideoRange(actor, assetId, "bytes=0-0");
  await probe.body?.cancel();
  const storagePath =
    (await db.videoAsset.findUnique({ where: { id: assetId }, select: { storagePath: true } }))?.storagePath ?? null;
  if (!storagePath || !hasCaptions(storagePath))
    throw localizedAppError("NOT_FOUND", "This video has no captions.", {
      messageKey: "errors.uploads.noCaptions",
      values: {},
    });
  return readFile(captionsPathFor(storagePath), "utf8");
}
