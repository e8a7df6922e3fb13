import "server-only";
import { db } from "../db";
import { canSometimes } from "../auth/permissions";
import { applyMuxAssetState } from "./apply-mux-asset-state";
import { getMuxClient } from "./mux-client";
import type { TVideoProvider } from "./video-provider";
import { localizedAppError } from "../errors/localized-error";

/**
 * Mux provider: the browser PUTs the file to a direct-upload URL; Mux then calls our webhook
 * (video.asset.ready) with the playback id. A static MP4 rendition is requested so a video
 * embedded in a lesson can be played by a plain <video> element.
 */
export const muxVideoProvider: TVideoProvider = {
  name: "MUX",
  async createUpload(actor, { corsOrigin }) {
    if (!canSometimes(actor, "course.author"))
      throw localizedAppError("FORBIDDEN", "Only trainers upload videos.", {
        messageKey: "errors.uploads.trainersOnly",
        values: {},
      });
    const upload = await getMuxClient().video.uploads.create({
      cors_origin: corsOrigin,
      new_asset_settings: { playback_policies: ["public"], static_renditions: [{ resolution: "highest" }] },
    });
    if (!upload.url) throw new Error(`Mux returned the direct upload ${upload.id} without a URL`);
    const asset = await db.$transaction(async (tx) => {
      const created = await tx.videoAsset.create({
        data: { provider: "MUX", status: "WAITING_UPLOAD", uploadId: upload.id, createdById: actor.userId },
      });
      await tx.auditLog.create({
        data: {
          actorId: actor.userId,
          action: "video.mux.upload-created",
          entityType: "VideoAsset",
          entityId: created.id,
          institutionId: actor.institutionId,
          data: { uploadId: upload.id },
        },
      });
      return created;
    });
    return { provider: "MUX", method: "PUT", url: upload.url, assetId: asset.id };
  },

  async refreshAsset(assetId) {
    const row = await db.videoAsset.findUnique({
      where: { id: assetId },
      select: { provider: true, status: true, uploadId: true, providerAssetId: true },
    });
    if (!row || row.provider !== "MUX" || row.status === "READY" || row.status === "ERRORED") return;
    const mux = getMuxClient();
    let providerAssetId = row.providerAssetId;
    if (!providerAssetId && row.uploadId) {
      const upload = await mux.video.uploads.retrieve(row.uploadId);
      if (upload.status === "errored" || upload.status === "cancelled" || upload.status === "timed_out") {
        await applyMuxAssetState({
          uploadId: row.uploadId,
          providerAssetId: null,
          status: "errored",
          playbackId: null,
          durationSeconds: null,
        });
        return;
      }
      providerAssetId = upload.asset_id ?? null;
    }
    if (!providerAssetId) return;
    const asset = await mux.video.assets.retrieve(providerAssetId);
    await applyMuxAssetState({
      uploadId: row.uploadId,
      providerAssetId: asset.id,
      status: asset.status,
      playbackId: asset.playback_ids?.find((playback) => playback.policy === "public")?.id ?? null,
      durationSeconds: asset.duration ?? null,
    });
  },
};
