import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { describeVideoPlayback } from "./describe-video-playback";
import { getVideoProvider } from "./video-provider";
import { videoWhereForActor } from "./video-visibility";
import { localizedAppError } from "../errors/localized-error";

const SELECT = {
  id: true,
  provider: true,
  status: true,
  playbackId: true,
  posterPath: true,
  storagePath: true,
  mimeType: true,
  durationSeconds: true,
} as const;

/**
 * A video the actor may see, with how to play it. A Mux video still processing is refreshed
 * from Mux first, so the editor's polling works even when the webhook is late or was lost.
 */
export async function getVideoAsset(actor: TActor, assetId: string) {
  const where = { id: assetId, ...videoWhereForActor(actor) };
  let asset = await db.videoAsset.findFirst({ where, select: SELECT });
  if (!asset)
    throw localizedAppError("NOT_FOUND", "This video does not exist.", {
      messageKey: "errors.uploads.videoNotFound",
      values: {},
    });
  const provider = getVideoProvider();
  if (
    asset.provider === "MUX" &&
    provider.name === "MUX" &&
    (asset.status === "WAITING_UPLOAD" || asset.status === "PROCESSING")
  ) {
    await provider.refreshAsset(asset.id);
    asset = (await db.videoAsset.findFirst({ where, select: SELECT })) ?? asset;
  }
  return { ...asset, playback: describeVideoPlayback(asset) };
}
