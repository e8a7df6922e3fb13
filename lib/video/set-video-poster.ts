import "server-only";
import path from "node:path";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { storeImage } from "../uploads/store-image";
import { videoWhereAuthor } from "./video-visibility";
import { localizedAppError } from "../errors/localized-error";

/** The poster image of a local video (Mux makes its own thumbnails), checked and resized like any image. */
export async function setVideoPoster(actor: TActor, input: { assetId: string; bytes: Uint8Array }) {
  const asset = await db.videoAsset.findFirst({
    where: { id: input.assetId, ...videoWhereAuthor(actor) },
    select: { id: true, provider: true },
  });
  if (!asset)
    throw localizedAppError("NOT_FOUND", "This video does not exist.", {
      messageKey: "errors.uploads.videoNotFound",
      values: {},
    });
  if (asset.provider !== "LOCAL")
    throw localizedAppError("CONFLICT", "file: Mux videos take their poster from the video itself", {
      messageKey: "errors.uploads.muxPoster",
      values: {},
    });
  const image = await storeImage(actor, { bytes: input.bytes, fileName: "poster", maxWidth: 1280 });
  await db.$transaction(async (tx) => {
    await tx.videoAsset.update({ where: { id: asset.id }, data: { posterPath: image.storagePath } });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "video.poster.set",
        entityType: "VideoAsset",
        entityId: asset.id,
        institutionId: actor.institutionId,
        data: { image: image.storagePath },
      },
    });
  });
  return { poster: `/api/video/${asset.id}/poster` };
}

/** File name of a local video's poster, for lib/uploads/open-image.ts. */
export const posterImageName = (posterPath: string) => path.basename(posterPath);
